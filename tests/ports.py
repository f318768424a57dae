import socket


def free_port():
    """A TCP port on loopback that nothing listens on, for a test server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
