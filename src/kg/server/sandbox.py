"""What a query worker may do: no network, and a bounded amount of memory.

The guard (`kg.server.guard`) refuses SERVICE on the parsed query; this module makes sure that
even a query the guard let through by mistake cannot reach another address. A worker installs
a seccomp filter (Linux) that denies, in every thread of the process (EACCES):

- `socket()`, whatever the family: the worker talks to the server over a socket pair made
  before the filter and needs no other; IPv4 and IPv6, but also Unix sockets (a name lookup
  would ask nscd, systemd-resolved or avahi through one), netlink and packet sockets;
- `io_uring_setup()` (io_uring can open sockets without the `socket()` call);
- `ptrace()`, `process_vm_readv()`/`process_vm_writev()`, `pidfd_open()`/`pidfd_getfd()`:
  the ways a process reaches into another of the same user, such as the server, which holds
  the listening socket and the clients' connections;
- system calls of other ABIs (32-bit, x32), which the filter's numbers would not cover.

The filter is a few BPF instructions built here, loaded with `seccomp(SECCOMP_SET_MODE_FILTER,
SECCOMP_FILTER_FLAG_TSYNC)` after `PR_SET_NO_NEW_PRIVS`; it cannot be removed by the process.
Memory: `RLIMIT_DATA` bounds the private writable memory of the worker, so a query that grows
past the limit fails to allocate (a MemoryError in Python, an abort in the engine) and the
worker is replaced, where it would otherwise take the machine's memory.
"""

from __future__ import annotations

import ctypes
import platform
import resource
import socket
import struct
import sys

# AUDIT_ARCH_* and the numbers of the system calls denied (socket, io_uring_setup, ptrace,
# process_vm_readv, process_vm_writev, pidfd_open, pidfd_getfd), then seccomp's own, per machine.
_ARCHITECTURES = {
    "x86_64": (0xC000003E, (41, 425, 101, 310, 311, 434, 438), 317),
    "aarch64": (0xC00000B7, (198, 425, 117, 270, 271, 434, 438), 277),
}
_X32_SYSCALL_BIT = 0x40000000
_BPF_LD_W_ABS = 0x00 | 0x00 | 0x20
_BPF_JEQ_K = 0x05 | 0x10 | 0x00
_BPF_JGE_K = 0x05 | 0x30 | 0x00
_BPF_RET_K = 0x06 | 0x00
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
# Offsets in struct seccomp_data: nr, arch, instruction pointer, args[6] (low half first on
# these little-endian machines).
_NR, _ARCH = 0, 4


class SandboxUnavailable(OSError):
    """This platform cannot deny a process the network (not Linux, or seccomp refused)."""


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _statement(code: int, k: int) -> bytes:
    return struct.pack("HBBI", code, 0, 0, k)


def _jump(code: int, k: int, if_true: int, if_false: int) -> bytes:
    return struct.pack("HBBI", code, if_true, if_false, k)


def network_filter(machine: str | None = None) -> bytes:
    """The BPF program (struct sock_filter[]) that denies the network, for `machine`."""
    machine = machine or platform.machine()
    if machine not in _ARCHITECTURES:
        raise SandboxUnavailable(f"no seccomp filter for the {machine} architecture")
    arch, denied, _ = _ARCHITECTURES[machine]
    deny = _SECCOMP_RET_ERRNO | _EACCES
    program = [
        _statement(_BPF_LD_W_ABS, _ARCH),
        _jump(_BPF_JEQ_K, arch, 1, 0),
        _statement(_BPF_RET_K, deny),  # another ABI
        _statement(_BPF_LD_W_ABS, _NR),
        _jump(_BPF_JGE_K, _X32_SYSCALL_BIT, 0, 1),
        _statement(_BPF_RET_K, deny),  # x32
    ]
    for number in denied:
        program += [_jump(_BPF_JEQ_K, number, 0, 1), _statement(_BPF_RET_K, deny)]
    program.append(_statement(_BPF_RET_K, _SECCOMP_RET_ALLOW))
    return b"".join(program)


def deny_network() -> None:
    """Deny this process (all its threads, and what it starts) the network, for good."""
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"seccomp is Linux only, not {sys.platform}")
    program = network_filter()
    nr_seccomp = _ARCHITECTURES[platform.machine()][2]
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxUnavailable(f"prctl(PR_SET_NO_NEW_PRIVS) failed: errno {ctypes.get_errno()}")
    result = libc.syscall(
        nr_seccomp, _SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC, ctypes.byref(fprog)
    )
    if result != 0:
        raise SandboxUnavailable(f"seccomp() failed: errno {ctypes.get_errno()}")


def network_denied() -> bool:
    """Whether this process is denied the network (it cannot open an IPv4 socket)."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except PermissionError:
        return True
    return False


def _status_bytes(field: str) -> int:
    """A size /proc/self/status gives this process (in kB there), in bytes; 0 where the
    platform has no such file."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def data_size() -> int:
    """The private writable memory this process has mapped now (VmData), in bytes."""
    return _status_bytes("VmData")


def resident_size() -> int:
    """The memory this process holds now (VmRSS), in bytes; 0 where the platform cannot tell."""
    return _status_bytes("VmRSS")


def release_memory() -> bool:
    """Give the pages the allocator holds free back to the system (glibc's `malloc_trim`):
    what a query's evaluation freed stays in the process's heap otherwise, counted in its
    memory until a later query reuses it. Whether it could (False where there is no glibc)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except AttributeError:
        return False
    trim(ctypes.c_size_t(0))
    return True


def limit_memory(extra_bytes: int) -> int:
    """Let this process map at most `extra_bytes` more private memory than it has now; the
    limit set, in bytes (0 where the platform cannot tell what it has now)."""
    current = data_size()
    if not current:
        return 0
    limit = current + extra_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    return limit
