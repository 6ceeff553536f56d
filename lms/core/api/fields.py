from functools import partial

from rest_framework import serializers

from lms.core.converters import MAX_ID

# An object id in a request body: bounded so no database is asked about a number it cannot hold.
IdField = partial(serializers.IntegerField, min_value=1, max_value=MAX_ID)
