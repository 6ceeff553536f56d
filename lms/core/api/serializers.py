from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The shape of every error response."""

    detail = serializers.CharField()
    code = serializers.CharField()


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
