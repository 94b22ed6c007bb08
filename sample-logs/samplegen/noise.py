"""Noise: what fills a log between the lines that matter (Poisson times, weighted picks, per-app line makers)."""

from .clock import D


def sprinkle(rng, start, end, mean_gap_s, quiet=()):
    """Times of a Poisson process in [start, end), none inside the quiet windows."""
    out = []
    t = start
    while True:
        t = t + D(milliseconds=int(rng.expovariate(1.0 / mean_gap_s) * 1000) + 1)
        if t >= end:
            return out
        if not any(a <= t < b for a, b in quiet):
            out.append(t)


def pick(rng, weighted):
    total = sum(w for w, _ in weighted)
    x = rng.uniform(0, total)
    for w, item in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][1]


def aspnet_noise(rng, app="Orders.Api"):
    oid, cid = rng.randint(40000, 99999), rng.randint(10000, 60000)
    ms = rng.uniform(2, 180)
    return pick(rng, [
        (40, ("INFO", "", "", "HTTP GET /api/orders/%d responded 200 in %.4f ms" % (oid, ms))),
        (14, ("INFO", "", "", "HTTP GET /api/customers/%d/orders responded 200 in %.4f ms" % (cid, ms * 1.7))),
        (8, ("INFO", "", "", "HTTP POST /api/orders responded 201 in %.4f ms" % (ms * 2.3))),
        (3, ("INFO", "", "", "HTTP GET /api/orders/%d responded 404 in %.4f ms" % (oid, ms / 3))),
        (16, ("DEBUG", "", "", "Loaded %d order lines for order %d in %d ms" % (rng.randint(1, 40), oid, int(ms / 4) + 1))),
        (6, ("DEBUG", "", "", "Cache hit for customer %d (%s)" % (cid, app))),
        (2, ("WARN", "", "", "Slow request GET /api/reports/daily took %d ms" % rng.randint(2100, 5200))),
    ])


def worker_noise(rng):
    bid = "%04d-%02d" % (rng.randint(0, 2359), rng.randint(1, 40))
    return pick(rng, [
        (30, ("INFO", "Orders.Worker.Import.ImportBatch", str(rng.choice([12, 14, 15])),
              "Batch %s imported %d rows in %d ms" % (bid, rng.randint(40, 400), rng.randint(180, 2400)))),
        (30, ("DEBUG", "Orders.Worker.Queue.QueueListener", "9",
              "Dequeued message %08x (OrderImport, attempt 1)" % rng.getrandbits(32))),
        (20, ("DEBUG", "Orders.Worker.Import.OrderLineWriter", str(rng.choice([12, 14, 15])),
              "Wrote %d lines for order %d" % (rng.randint(1, 30), rng.randint(40000, 99999)))),
    ])


def spring_noise(rng, web="c.e.orders.web.OrderController", dao="c.e.orders.repo.OrderDao"):
    cid = rng.randint(10000, 60000)
    th = "http-nio-8080-exec-%d" % rng.randint(1, 10)
    return pick(rng, [
        (45, ("INFO", web, th, "GET /orders?customer=%d -> 200 (%d ms)" % (cid, rng.randint(8, 240)))),
        (25, ("DEBUG", dao, th, "findByCustomer(%d) returned %d rows" % (cid, rng.randint(0, 35)))),
        (8, ("INFO", web, th, "POST /orders -> 201 (%d ms)" % rng.randint(30, 400))),
        (4, ("INFO", "c.e.orders.sync.StockSync", "scheduling-1", "Stock sync finished: %d items changed" % rng.randint(0, 80))),
    ])


def python_noise(rng, web="orders.web", db="orders.db"):
    oid = rng.randint(40000, 99999)
    return pick(rng, [
        (50, ("INFO", web, "", "GET /orders/%d 200 %dms" % (oid, rng.randint(4, 160)))),
        (30, ("DEBUG", db, "", "fetch_all returned %d rows in %dms" % (rng.randint(0, 40), rng.randint(1, 60)))),
        (6, ("INFO", web, "", "POST /orders/%d/notes 201 %dms" % (oid, rng.randint(10, 90)))),
    ])


def fill(log, rng, start, end, mean_gap_s, maker, quiet=()):
    n = 0
    for t in sprinkle(rng, start, end, mean_gap_s, quiet):
        level, logger, thread, msg = maker(rng)
        log.log(t, level, logger, msg, thread=thread)
        n += 1
    return n


NRE_FRAMES = [
    "at Orders.Api.Controllers.OrderNotesController.Post(Int32 orderId, NoteDto dto) in D:\\a\\1\\s\\src\\Orders.Api\\Controllers\\OrderNotesController.cs:line 41",
    "at lambda_method214(Closure , Object , Object[] )",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(IActionResultTypeMapper mapper, "
    "ObjectMethodExecutor executor, Object controller, Object[] arguments)",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.InvokeActionMethodAsync()",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.Next(State& next, Scope& scope, Object& state, Boolean& isCompleted)",
    "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.InvokeNextActionFilterAsync()",
]


def null_reference(path):
    return (["System.NullReferenceException: Object reference not set to an instance of an object."]
            + ["   " + f.replace("Orders.Api", path) for f in NRE_FRAMES])
