// Digital-literacy lessons and their quizzes, as the lesson, quiz and trainer screens see them.
// Compiled from db/lessons/*.txt (docs/content-format.md), loaded once by ContentStore.
#pragma once

#include "core/language.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The pictures the kiosk draws itself (with ImGui primitives) on lesson cards and slides.
// A small fixed vocabulary keeps the lessons consistent and the drawing code finite.
// Names are listed in docs/content-format.md; add a name there, here and in the drawing code together.
enum class Illustration {
    None,  // nothing drawn; also what an unknown name in a newer content package becomes
    PhoneTouch,
    TouchGestures,
    AppIcons,
    WifiSignal,
    LockPassword,
    TwoFactorCode,
    PhishingMail,
    ScamCall,
    BrowserWarning,
    CardPayment,
    QrCode,
    OnlineShop,
    ShieldPrivacy,
    AppPermissions,
    LocationPin,
    GovServices,
    DigitalId,
    FactCheck,
    NewsSources,
    AiChip,
    AiChat,
    SoftwareUpdate,
    HelpPeople,
    Checklist,
};
constexpr int kIllustrationCount = static_cast<int>(Illustration::Checklist) + 1;

// "phone-touch", "lock-password", ... as written in sources and stored in the database; "" for None.
const char* illustration_name(Illustration illustration);
// Parses a name from the vocabulary; false (out untouched) for anything else, including "".
bool parse_illustration(std::string_view name, Illustration* out);

// The limits the build enforces (docs/content-format.md).
constexpr int kMinSlides = 5;
constexpr int kMaxSlides = 10;
constexpr int kMinQuestions = 4;
constexpr int kMaxQuestions = 8;
constexpr int kMinOptions = 2;
constexpr int kMaxOptions = 5;

// A slide's pointer into an SCO document: tapping it opens the reader at that block.
struct LessonLink {
    std::string document_id;
    int block_id = 0;     // Block::id, 1-based
    int source_line = 0;  // line in the lesson source, for build diagnostics; 0 when loaded from a database
};

struct Slide {
    Illustration illustration = Illustration::None;
    LocalizedText title;
    LocalizedText text;  // one to three short sentences
    std::vector<LessonLink> links;
};

struct Question {
    LocalizedText text;
    std::vector<LocalizedText> options;  // 2..5, shown in this order, labelled A, B, C...
    int correct_option = 0;              // index into options
    LocalizedText explanation;           // shown after answering, right or wrong
};

struct Lesson {
    std::string id;  // [a-z0-9-]+, unique across lessons
    int order = 0;   // position on the lessons screen, ascending; 1, 2, 3... when loaded from a database
    Illustration icon = Illustration::None;
    LocalizedText title;
    LocalizedText summary;  // one sentence for the lesson card
    std::vector<Slide> slides;
    std::vector<Question> questions;  // the quiz that ends the lesson
};

}  // namespace kiosk::core
