#include "core/overview_model.h"

namespace kiosk::core {

PartyStatus party_status(const DocumentInfo& document, const std::string& code) {
    for (const std::string& party : document.parties)
        if (party == code) return PartyStatus::Party;
    return document.parties.empty() ? PartyStatus::NoStatesNamed : PartyStatus::NotNamed;
}

}  // namespace kiosk::core
