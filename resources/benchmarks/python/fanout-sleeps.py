"""fanout-sleeps: start N concurrent 10 ms sleeps on the event loop and await them all --
the fan-out of a handler that waits on many slow back-ends at once. Each sleep is
asyncio.sleep(0.01, result=1), awaited together with asyncio.gather (which wraps each in
a Task, as a real fan-out of coroutines does).

Variants: "asyncio" (the standard event loop) and "uvloop" (the same code on uvloop's
libuv-based loop, installed as the event loop policy). The kernel is a coroutine, so the
protocol runs it with asyncio.run() once per iteration: the time includes creating and
closing that loop (well under a millisecond) as well as the at least 10 ms of sleeping.

Size = N; result = the number of completed sleeps.
"""
import asyncio

from _protocol import require_library, run

VARIANTS = ("asyncio", "uvloop")
SLEEP_S = 0.01


def setup(count, opts):
    if opts["variant"] == "uvloop":
        uvloop = require_library("uvloop", "python3-uvloop")
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return count


async def fanout(count, opts):
    done = await asyncio.gather(*(asyncio.sleep(SLEEP_S, result=1) for _ in range(count)))
    return str(sum(done))


if __name__ == "__main__":
    run("fanout-sleeps", fanout, default_size=10000, setup=setup, min_size=0,
        variants=VARIANTS, takes_options=True)
