def userinfo(claims, user):
    """The standard claims a corporate provider sends. Someone whose first name is "Unconfirmed" has an
    email address the provider has not verified."""
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["email_verified"] = user.first_name != "Unconfirmed"
    return claims
