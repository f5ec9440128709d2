#pragma once

#include "LoadDriver.h"

namespace showdown {

/// The real LoadDriver: Showdown's own Boost.Asio/Beast generator (LoadGenerator, ChatLoad, IdleConnections).
class AsioLoadDriver final : public LoadDriver {
public:
    [[nodiscard]] LoadPoint http(const LoadRequest &request, std::stop_token stop) override;
    [[nodiscard]] LoadPoint chat(const LoadRequest &request, std::stop_token stop) override;
    [[nodiscard]] LoadPoint idle(const LoadRequest &request, const std::function<void(LoadPoint &)> &whileHeld,
                                 std::stop_token stop) override;
};

} // namespace showdown
