"""Extract quantified support pledges to Ukraine from documents into tidy, sourced tables."""

from data_pipeline.build import build
from data_pipeline.tables import Tables

__all__ = ["Tables", "build"]
