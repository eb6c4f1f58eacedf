"""Open Forge Python SDK.

>>> from openforge import OpenForgeClient
>>> client = OpenForgeClient(api_key="...")          # or OPENFORGE_API_KEY / OPENFORGE_URL
>>> engagement = client.engagements.create(name="Sales", objective="Weekly sales by region")
>>> engagement.id == engagement["id"]
True
"""

__version__ = "0.1.0"

from .client import DEFAULT_URL, OpenForgeClient  # noqa: E402
from .errors import (  # noqa: E402
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FieldError,
    NotFoundError,
    OpenForgeConnectionError,
    OpenForgeError,
    OpenForgeTimeoutError,
    PermissionDeniedError,
    ServerError,
    ValidationError,
)
from .models import ArtifactContent, Page, PagedList, Record  # noqa: E402
from .resources import TaskEventStream  # noqa: E402

__all__ = [
    "__version__",
    "DEFAULT_URL",
    "OpenForgeClient",
    "OpenForgeError",
    "OpenForgeConnectionError",
    "OpenForgeTimeoutError",
    "BadRequestError",
    "ValidationError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ServerError",
    "FieldError",
    "Record",
    "Page",
    "PagedList",
    "ArtifactContent",
    "TaskEventStream",
]
