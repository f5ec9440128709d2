"""The order-summary route in FastAPI: the same JSON transformation as server.js's Express route.

Run by showdown.json as `python3 -m uvicorn app:app --host 127.0.0.1 --port PORT` (Debian: python3-fastapi, uvicorn).
"""
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()


def summarise(order):
    lines = [{"sku": item["sku"].upper(), "total_cents": item["price_cents"] * item["qty"]} for item in order["items"]]
    lines.sort(key=lambda line: (-line["total_cents"], line["sku"]))
    total = sum(line["total_cents"] for line in lines)
    return {"customer": order["customer"].strip().lower(), "items": len(lines), "total_cents": total, "lines": lines}


@app.get("/health")
async def health():
    return PlainTextResponse("ok")


@app.post("/summary")
async def summary(request: Request):
    order = await request.json()
    if not isinstance(order, dict) or not isinstance(order.get("customer"), str) or not isinstance(order.get("items"), list):
        return JSONResponse({"error": "customer (string) and items (array) are required"}, status_code=422)
    return JSONResponse(summarise(order))
