"""Side by side: run a program, capture its output, learn how it ended."""
# output: invariant hello
# output: invariant echo: returncode 0
# output: invariant sh: CalledProcessError, returncode 3
# ANCHOR: main
import subprocess

result = subprocess.run(["echo", "hello"], capture_output=True, text=True)
print(result.stdout, end="")
print("echo: returncode", result.returncode)
assert result.stdout == "hello\n"

try:
    subprocess.run(["sh", "-c", "exit 3"], check=True)
except subprocess.CalledProcessError as e:
    print("sh: CalledProcessError, returncode", e.returncode)
    assert e.returncode == 3
# ANCHOR_END: main
