"""Every server binds loopback unless told otherwise (--listen).

Reads the kernel's socket tables instead of connecting from another address:
the test sends no traffic at all.
"""

import ipaddress
import os
import unittest

from tests.integration import cluster

LISTEN_STATE = "0A"


def decode(hex_address):
    """An address as /proc/net/tcp{,6} prints it (32-bit words in host,
    little-endian, order), with IPv4-mapped IPv6 addresses (gRPC binds
    dual-stack sockets) given as IPv4."""
    raw = bytes.fromhex(hex_address)
    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    address = ipaddress.ip_address(raw)
    if address.version == 6 and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def listening_sockets():
    """(address, port, inode) of every listening TCP socket (IPv4 and IPv6),
    from the kernel's tables in /proc/net/tcp{,6}."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as f:
                rows = f.read().splitlines()[1:]
        except FileNotFoundError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] == LISTEN_STATE:
                address, hex_port = fields[1].split(":")
                yield decode(address), int(hex_port, 16), fields[9]


def listening_addresses(port):
    """The local addresses of the sockets listening on `port`."""
    return [address for address, p, _ in listening_sockets() if p == port]


def listening_addresses_of(pid):
    """(address, port) of every socket process `pid` listens on: its socket
    inodes (/proc/PID/fd) looked up in the kernel's tables."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return [(address, port) for address, port, inode in listening_sockets() if inode in inodes]


IPV4_LOOPBACK = "127.0.0.1"


class ListenTest(unittest.TestCase):

    def test_every_server_binds_loopback_by_default(self):
        for kind in ("dedup", "sentence", "extract", "aggregator"):
            with self.subTest(kind):
                server = cluster.Server(kind)
                try:
                    self.assertEqual(listening_addresses(server.port), [IPV4_LOOPBACK])
                finally:
                    server.kill()

    def test_metrics_and_health_ports_bind_loopback_too(self):
        # Every socket the process listens on, not only the ports it prints.
        for kind in ("dedup", "aggregator"):
            with self.subTest(kind):
                server = cluster.Server(kind, ["--metrics_port=0", "--health_port=0"])
                try:
                    sockets = listening_addresses_of(server.process.pid)
                    ports = {port for _, port in sockets}
                    self.assertIn(server.port, ports)
                    self.assertIn(server.metrics_port, ports)
                    # The health server's too. (gRPC 1.51 opens two
                    # SO_REUSEPORT sockets per port; asked for port 0, the
                    # second gets a port of its own.)
                    self.assertGreaterEqual(len(ports), 3, sockets)
                    self.assertEqual({address for address, _ in sockets}, {IPV4_LOOPBACK})
                finally:
                    server.kill()

    def test_listen_flag_opens_every_interface(self):
        server = cluster.Server("sentence", ["--listen=0.0.0.0"])
        try:
            self.assertIn(listening_addresses(server.port), (["0.0.0.0"], ["::"]))
        finally:
            server.kill()

    def test_coordinator_binds_loopback_by_default(self):
        workers = [cluster.Server(kind) for kind in ("dedup", "sentence", "extract", "aggregator")]
        try:
            coordinator = cluster.Server("coordinator", [
                f"--dedup={workers[0].address}", f"--sentence={workers[1].address}",
                f"--extract={workers[2].address}", f"--aggregator={workers[3].address}"])
            try:
                self.assertEqual(listening_addresses(coordinator.port), [IPV4_LOOPBACK])
            finally:
                coordinator.kill()
        finally:
            for worker in workers:
                worker.kill()


if __name__ == "__main__":
    unittest.main()
