"""Bounded ``limit``/``offset`` pagination for the plugin's lists.

DRF's LimitOffsetPagination silently ignores a malformed ``limit`` and passes any ``offset`` to the
database, where a twenty-digit one overflows (a 500). Here both are validated like every other query
parameter (a 400 naming it), and the schema states their bounds so clients and the fuzzer know them.
"""

from rest_framework.pagination import LimitOffsetPagination

from .query import QueryCount, QueryInteger, QueryParameters

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Past any list a person could page through, and far inside every database's integers.
MAX_OFFSET = 1_000_000


class PageQuery(QueryParameters):
    limit = QueryInteger(min_value=1, max_value=MAX_LIMIT, help_text="How many to return.")
    offset = QueryCount(max_value=MAX_OFFSET, help_text="How many to skip.")


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """LimitOffsetPagination whose ``limit`` and ``offset`` are refused when out of bounds, whatever the
    host site's ``PAGE_SIZE``."""

    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def paginate_queryset(self, queryset, request, view=None):
        self._page = PageQuery.read(request)
        return super().paginate_queryset(queryset, request, view)

    def get_limit(self, request):
        return self._page.get("limit", self.default_limit)

    def get_offset(self, request):
        return self._page.get("offset", 0)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": f"How many to return (default {self.default_limit}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_limit},
            },
            {
                "name": self.offset_query_param,
                "required": False,
                "in": "query",
                "description": "How many to skip.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
            },
        ]
