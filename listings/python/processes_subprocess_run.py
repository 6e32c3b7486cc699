"""subprocess.run: feed a child, capture its output, turn a failure into an exception."""
# output: invariant apple
# output: invariant exit status 3
# ANCHOR: main
import subprocess

result = subprocess.run(["sort"], input="pear\napple\n",
                        capture_output=True, text=True, check=True)
print(result.stdout, end="")

try:
    subprocess.run(["sh", "-c", "exit 3"], check=True)
except subprocess.CalledProcessError as e:
    print("exit status", e.returncode)
# ANCHOR_END: main
