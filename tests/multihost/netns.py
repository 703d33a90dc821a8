"""Hosts on one machine: Linux network namespaces joined by a bridge.

Each host is a namespace with one interface, eth0, at 10.77.0.N/24 (N from
1) and its own loopback; a further namespace holds only the bridge (the
switch), so nothing of the test touches the machine's own network. A host
can have its own /etc/hosts (`ip netns exec` bind-mounts
/etc/netns/NAME/hosts over /etc/hosts), which is how a test gives a name
several addresses, as a Kubernetes headless Service does.

Needs root and iproute2. Names carry the test's process id, so that
concurrent runs do not collide and leftovers of a run that was killed can
be told from live ones and removed (`remove_stale`).
"""

import os
import re
import shutil
import subprocess

PREFIX = "glmh"
SUBNET = "10.77.0"


def _ip(*args):
    subprocess.run(["ip"] + list(args), check=True, capture_output=True, text=True)


def _namespaces():
    out = subprocess.run(["ip", "netns", "list"], check=True,
                         capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def _delete(namespace):
    subprocess.run(["ip", "netns", "delete", namespace], capture_output=True)
    shutil.rmtree(f"/etc/netns/{namespace}", ignore_errors=True)


def remove_stale():
    """Deletes namespaces left by runs whose process is gone."""
    for namespace in _namespaces():
        match = re.match(rf"{PREFIX}(\d+)-", namespace)
        if match and not os.path.exists(f"/proc/{match.group(1)}"):
            _delete(namespace)
    try:
        os.rmdir("/etc/netns")  # only when empty
    except OSError:
        pass


class Network:
    """A switch and `hosts` (names), each a namespace with one address."""

    def __init__(self, hosts):
        if os.geteuid() != 0:
            raise RuntimeError("the multi-host test needs root (ip netns)")
        remove_stale()
        self.prefix = f"{PREFIX}{os.getpid()}"
        self.switch = f"{self.prefix}-switch"
        self.namespaces = {}
        self.addresses = {}
        self._created = []
        try:
            self._add_namespace(self.switch)
            _ip("-n", self.switch, "link", "add", "br0", "type", "bridge")
            _ip("-n", self.switch, "link", "set", "br0", "up")
            for n, host in enumerate(hosts, start=1):
                self._add_host(host, n)
        except Exception:
            self.close()
            raise

    def _add_namespace(self, namespace):
        _ip("netns", "add", namespace)
        self._created.append(namespace)
        _ip("-n", namespace, "link", "set", "lo", "up")

    def _add_host(self, host, n):
        namespace = f"{self.prefix}-{host}"
        self._add_namespace(namespace)
        port = f"port{n}"
        # Both ends are made inside their namespaces: the machine's own
        # namespace never sees them.
        _ip("-n", namespace, "link", "add", "eth0", "type", "veth",
            "peer", "name", port, "netns", self.switch)
        _ip("-n", namespace, "addr", "add", f"{SUBNET}.{n}/24", "dev", "eth0")
        _ip("-n", namespace, "link", "set", "eth0", "up")
        _ip("-n", self.switch, "link", "set", port, "master", "br0")
        _ip("-n", self.switch, "link", "set", port, "up")
        self.namespaces[host] = namespace
        self.addresses[host] = f"{SUBNET}.{n}"

    def wrapper(self, host):
        """The command prefix that runs a program on `host`."""
        return ["ip", "netns", "exec", self.namespaces[host]]

    def set_hosts_file(self, host, names):
        """Gives `host` an /etc/hosts: {name: [address, ...]}."""
        directory = f"/etc/netns/{self.namespaces[host]}"
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "hosts"), "w", encoding="utf-8") as f:
            f.write("127.0.0.1 localhost\n")
            for name, addresses in names.items():
                for address in addresses:
                    f.write(f"{address} {name}\n")

    def run(self, host, args, **kwargs):
        """Runs a command on `host` and waits for it."""
        return subprocess.run(self.wrapper(host) + list(args), **kwargs)

    def close(self):
        for namespace in reversed(self._created):
            _delete(namespace)
        self._created = []
        try:
            os.rmdir("/etc/netns")
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
