"""Domain errors raised by services; the browser shows ``message``, the API sends ``code`` too."""


class LMSError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status


class NotFound(LMSError):
    code = "not_found"
    status = 404


class Forbidden(LMSError):
    code = "permission_denied"
    status = 403


class Conflict(LMSError):
    code = "conflict"
    status = 409
