"""Imported by the pipeline's fork server (``pipeline_jobs.worker_context``) before it forks the workers.

Every worker is forked from that server, so what is built here is built once for all of them: the
extraction modules (imported by the server anyway), the gazetteer matcher, and the patterns the
extractors compile on their first article (``pipeline.warm_up``). Without it each worker spends
~0.2 CPU s on them before its first batch.
"""

from .pipeline import warm_up

warm_up()
