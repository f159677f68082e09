// Everything `kioskctl build` reads from a content source folder, parsed and validated: the model
// the build's writers (content tables, search index, explore and overview tables) all take.
#pragma once

#include "core/content_model.h"
#include "core/explore_model.h"
#include "core/lesson_model.h"
#include "core/overview_model.h"

#include <vector>

namespace kiosk::core {

struct ContentSources {
    std::vector<Document> documents;
    std::vector<Lesson> lessons;  // sorted by Lesson::order
    ExploreContent explore;       // topics, glossary, acts, links (explore_source.h)
    OverviewContent overview;     // db/explore/: about, timeline, member states
};

}  // namespace kiosk::core
