"""Ten slow HTTP calls at once on a thread pool; the GIL is released while each waits."""
# The time is a median of samples taken with the harness.
# output: measurement
# output: invariant rows: \[0, 1, 2, 3, 4, 5, 6, 7, 8, 9\]
# output: invariant 10 calls of 0\.1 s, 10 threads +median \S+ \S?s \(p10–p90 \S+, n=\d+\)
# ANCHOR: imports
import json
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen
# ANCHOR_END: imports

import harness

quick = harness.quick_from_args("bound_thread_pool.py")
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SlowRows(BaseHTTPRequestHandler):
    """Answers GET /rows/N with the JSON number N, after 0.1 s: a slow database."""

    def do_GET(self):
        time.sleep(0.1)
        body = json.dumps(int(self.path.rsplit("/", 1)[1])).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass  # no log line per request


server = ThreadingHTTPServer(("127.0.0.1", 0), SlowRows)
threading.Thread(target=server.serve_forever, daemon=True).start()
BASE = f"http://127.0.0.1:{server.server_address[1]}"

# ANCHOR: main


def fetch(i):
    # Without timeout=, urlopen may wait for an answer for ever.
    with urlopen(f"{BASE}/rows/{i}", timeout=5) as response:
        return json.load(response)


def ten_calls():
    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(fetch, range(10)))  # in order of the ids
# ANCHOR_END: main


def seconds():
    """One sample: the seconds that ten calls at once take."""
    start = time.perf_counter()
    assert ten_calls() == list(range(10))
    return time.perf_counter() - start


print("rows:", ten_calls())
print(harness.sample("10 calls of 0.1 s, 10 threads", "s", seconds, quick).line())
server.shutdown()
