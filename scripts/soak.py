#!/usr/bin/env python3
"""Bounded soak of a running GiaDesk (issue 10): N connections for D seconds on 127.0.0.1, reads and writes mixed.

Each worker signs in as the administrator through the real login form (anti-forgery token, cookie), then loops:
three reads (pages and an API list) and one write (block / unblock of the demo observer account — a real SaveChanges
that the audit journal records). A request that lands on the sign-in page (the session ended) counts as an error. Prints errors, p50/p99 latency per kind and the server's memory (RSS of --pid) at
start and end. Exit code 1 when any request failed.
"""
import argparse, html, http.cookiejar, re, statistics, sys, threading, time, urllib.parse, urllib.request

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
READS = ["/", "/Directories/Schools", "/api/schools", "/Admin/Users"]


def rss_mb(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return None


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as r:
            body = r.read().decode("utf-8", "replace")
            if path != "/Account/Login" and "/Account/Login" in r.geturl():
                raise RuntimeError(f"signed out: {path} went to the sign-in page")
            return r.status, body

    def post(self, path, fields, form_page):
        _, page = self.get(form_page)
        token = TOKEN.search(page)
        fields = dict(fields, __RequestVerificationToken=html.unescape(token.group(1)) if token else "")
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=60) as r:
            body = r.read()
            if "/Account/Login" in r.geturl() and path != "/Account/Login":
                raise RuntimeError(f"signed out: POST {path} went to the sign-in page")
            return r.status, body


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://127.0.0.1:5124")
    p.add_argument("--connections", type=int, default=20)
    p.add_argument("--seconds", type=int, default=600)
    p.add_argument("--pid", type=int, default=0, help="server process id for the memory figures")
    p.add_argument("--user", default="admin")
    p.add_argument("--password", default="demo-admin-1")
    p.add_argument("--target", default="viewer", help="the account the writes block and unblock")
    a = p.parse_args()

    start_rss = rss_mb(a.pid)
    times = {"read": [], "write": []}
    errors = []
    lock = threading.Lock()
    deadline = time.time() + a.seconds

    def worker(n):
        c = Client(a.url)
        try:
            c.post("/Account/Login", {"UserName": a.user, "Password": a.password}, "/Account/Login")
            _, users = c.get("/Admin/Users")
            # The write blocks and unblocks one account that is not the soak's own (--target, the demo observer).
            row = re.search(r"<tr>(?:(?!</tr>).)*?>" + re.escape(a.target) + r"<(?:(?!</tr>).)*</tr>", users, re.S)
            target = re.search(r'name="id" value="([^"]+)"', row.group(0)).group(1)
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(f"login {n}: {e}")
            return
        i = 0
        while time.time() < deadline:
            i += 1
            kind = "write" if i % 4 == 0 else "read"
            t = time.perf_counter()
            try:
                if kind == "read":
                    status, _ = c.get(READS[i % len(READS)])
                else:
                    status, _ = c.post("/Admin/Users?handler=" + ("Block" if i % 8 == 0 else "Unblock"), {"id": target}, "/Admin/Users")
                if status >= 400:
                    raise RuntimeError(f"HTTP {status}")
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"{kind}: {e}")
                continue
            with lock:
                times[kind].append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(a.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    end_rss = rss_mb(a.pid)
    print(f"{a.connections} connections × {a.seconds} s on {a.url}")
    for kind, values in times.items():
        if values:
            values.sort()
            print(f"{kind}: {len(values)} requests, p50 {statistics.median(values):.0f} ms, p99 {values[int(len(values) * 0.99) - 1]:.0f} ms")
    print(f"errors: {len(errors)}" + ("" if not errors else " — first: " + "; ".join(errors[:5])))
    print(f"server memory (RSS): start {start_rss} MB, end {end_rss} MB")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
