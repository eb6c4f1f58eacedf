"""The API's resources, one class per area of ``/api/v1``."""

from .agents import Agents, TaskEventStream
from .approvals import Approvals
from .data_sources import DataSources
from .engagements import Engagements
from .pipelines import Pipelines

__all__ = ["Agents", "Approvals", "DataSources", "Engagements", "Pipelines", "TaskEventStream"]
