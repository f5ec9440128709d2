#include "CapacityTableModel.h"

#include "ChartFactory.h"
#include "Format.h"

namespace showdown {

CapacityTableModel::CapacityTableModel(QObject *parent) : RowTableModel<CapacityRow>(parent)
{
    setColumns({
        {tr("Server"), [](const CapacityRow &r) { return r.server; }, {}, {}},
        {tr("Runtime"), [](const CapacityRow &r) { return r.runtime; }, {}, {}},
        {tr("Endpoint"), [](const CapacityRow &r) { return r.endpoint; }, {}, {}},
        {tr("Connections"), [](const CapacityRow &r) { return QString::number(r.connections); }, [](const CapacityRow &r) { return r.connections; },
         tr("Connections the generator used (chat: clients in the room)")},
        {tr("Objective"), [](const CapacityRow &r) { return tr("p99 ≤ %1 ms").arg(r.sloP99Ms); }, [](const CapacityRow &r) { return r.sloP99Ms; },
         tr("The declared latency objective: p99 from the intended send time, with no errors")},
        {tr("Capacity [95% CI]"), [](const CapacityRow &r) { return ChartFactory::capacityText(r); }, [](const CapacityRow &r) { return r.rate; },
         tr("Highest constant rate (chat: broadcast messages sent per second) that met the objective: median over processes, bootstrap 95% CI across them")},
        {tr("n"), [](const CapacityRow &r) { return QString::number(r.rates.size()); }, [](const CapacityRow &r) { return r.rates.size(); },
         tr("Server processes that searched")},
        {tr("Per core"), [](const CapacityRow &r) { return ChartFactory::perCoreText(r); }, [](const CapacityRow &r) { return r.perCore; },
         tr("Requests (chat: messages delivered) per second per core of server CPU at the highest passing step")},
        {tr("Steps"), [](const CapacityRow &r) { return QString::number(r.steps.size()); }, [](const CapacityRow &r) { return r.steps.size(); }, {}},
        {tr("Error"), [](const CapacityRow &r) { return r.error; }, {}, {}},
    });
    setProblem([](const CapacityRow &r) { return r.valid() ? QString() : (r.error.isEmpty() ? tr("no process gave a capacity") : r.error); });
}

} // namespace showdown
