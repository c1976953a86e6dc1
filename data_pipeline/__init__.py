"""Extract quantified support pledges to Ukraine from documents into tidy, sourced tables."""

from data_pipeline.compiled import use_compiled_copies

use_compiled_copies()  # before the pipeline's modules are imported: their compiled copies, where current

from data_pipeline.build import build  # noqa: E402
from data_pipeline.tables import Tables  # noqa: E402

__all__ = ["Tables", "build"]
