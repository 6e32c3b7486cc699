"""Side by side: a thread hands back a value; a child process hands back bytes."""
# output: invariant from the thread: 42
# output: invariant from the child process: '42\\n', parsed to 42
# ANCHOR: main
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def answer():
    return 21 * 2


if sys.argv[1:] == ["--child"]:
    print(answer())  # bytes on stdout
    sys.exit()

with ThreadPoolExecutor() as pool:
    from_thread = pool.submit(answer).result()  # the value itself
child = [sys.executable, __file__, "--child"]
text = subprocess.run(child, capture_output=True, text=True, check=True).stdout
from_child = int(text)

print("from the thread:", from_thread)
print(f"from the child process: {text!r}, parsed to {from_child}")
assert from_thread == from_child
# ANCHOR_END: main
