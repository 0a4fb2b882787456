"""gunicorn settings for production: ``gunicorn dashboard.wsgi:server``.

gunicorn reads this file from the working directory (or ``-c gunicorn.conf.py``).
Environment variables override the defaults below:

    DASHBOARD_BIND      address to listen on (default 127.0.0.1:8050; put a
                        reverse proxy in front rather than listening publicly)
    WEB_CONCURRENCY     worker processes (default: one per CPU core)
    DASHBOARD_THREADS   threads per worker (default 4)
    DASHBOARD_DATA_DIR  data folder (read by dashboard.wsgi)
    DASHBOARD_DATA_POLL_SECONDS  how often each worker checks the data folder
                        for new data (default 1; see dashboard.serving.live_data)

Callbacks are CPU-bound (pandas and Plotly), so one process per core does the
work and a few threads per process overlap the network waits.  The app is
loaded once in the master before forking (``preload_app``), so the read-only
tables are shared by the workers' memory pages.  Broken data stops gunicorn
before it listens, with one line naming the file, line and column (see
``dashboard.wsgi``).
"""

import gc
import multiprocessing
import os
import shutil
import tempfile

bind = os.environ.get("DASHBOARD_BIND", "127.0.0.1:8050")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("DASHBOARD_THREADS", "4"))
preload_app = True

# A callback answers in well under a second; a stuck worker is replaced after 30 s.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = 20000
max_requests_jitter = 2000

# Request line and headers: gunicorn answers 4xx to anything larger.
# (Bodies are capped by the app: MAX_CONTENT_LENGTH in dashboard/server.py.)
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The reverse proxy on this machine may set X-Forwarded-Proto (for HSTS).
forwarded_allow_ips = "127.0.0.1"

# No control socket: several instances (tests, benchmarks) may run side by side.
control_socket_disable = True


# /metrics adds up every worker's counters (prometheus_client's multiprocess
# mode): each worker writes them into this folder, which must be empty when
# gunicorn starts.  It is set here, before the app (and prometheus_client) is loaded.
_own_metrics_dir = "PROMETHEUS_MULTIPROC_DIR" not in os.environ
if _own_metrics_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="dashboard-metrics-")


def pre_fork(_server, _worker):
    """Move everything the master has loaded (the app, its tables) into the
    collector's permanent generation before a worker is forked: a collection in
    the worker then never writes to those objects, so their memory pages stay
    shared with the master instead of being copied into every worker."""
    gc.freeze()


def post_worker_init(worker):
    """Watch the data folder from this worker (``dashboard.serving.live_data``):
    checked once now, before the worker takes a request, so a worker forked
    after new data arrived never serves the data the master loaded at start.
    Another app served with these settings (the benchmarks' bare Dash
    reference) has no data folder to watch."""
    from dashboard.serving import live_data

    if live_data.EXTENSION in getattr(worker.wsgi, "extensions", {}):
        live_data.watch(worker.wsgi)


def child_exit(_server, worker):
    """Drop an exited worker's gauges (data version, operations) from /metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(_server):
    if _own_metrics_dir:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


# The app writes one access line per request with its request id
# (``dashboard.serving.request_log``); gunicorn's own would repeat it.
accesslog = None
errorlog = "-"
loglevel = "info"
