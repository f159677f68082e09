#include "core/text/text_shaper.h"

#include "core/utf8.h"

#include <fribidi.h>
#include <hb.h>

#include <algorithm>

namespace kiosk::core::text {

namespace {

struct Run {
    size_t first, end;  // code point range
    int level;
    hb_script_t script;
    size_t face;
};

bool weak_script(hb_script_t script) {
    return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

bool is_mark(hb_unicode_general_category_t gc) {
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

// Characters drawn as nothing: controls, format characters (joiners, bidi marks), variation
// selectors. They are never reported missing.
bool is_invisible(hb_unicode_general_category_t gc, char32_t cp) {
    return gc == HB_UNICODE_GENERAL_CATEGORY_CONTROL || gc == HB_UNICODE_GENERAL_CATEGORY_FORMAT ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Right-to-left letters or explicit bidi controls: only then is FriBiDi needed.
bool may_be_rtl(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x202B ||
           cp == 0x202E || cp == 0x2067;
}

// UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every sequence
// of runs at that level or higher.
std::vector<size_t> visual_order(const std::vector<Run>& runs) {
    std::vector<size_t> order(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) order[i] = i;
    int highest = 0, lowest_odd = 127;
    for (const Run& run : runs) {
        highest = std::max(highest, run.level);
        if (run.level % 2) lowest_odd = std::min(lowest_odd, run.level);
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (size_t i = 0; i < order.size();) {
            if (runs[order[i]].level < level) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < order.size() && runs[order[j]].level >= level) ++j;
            std::reverse(order.begin() + static_cast<ptrdiff_t>(i), order.begin() + static_cast<ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

}  // namespace

void TextShaper::note_missing(char32_t cp) {
    if (missing_.count(cp)) return;
    ++missing_count_;
    if (missing_.size() < kMaxMissing) missing_.insert(cp);
}

ShapedText TextShaper::shape_uncached(std::string_view text, Weight weight, std::string_view lang) {
    ShapedText out;
    std::vector<char32_t> cps;
    std::vector<uint32_t> offsets;
    cps.reserve(text.size());
    offsets.reserve(text.size());
    bool rtl_possible = false;
    for (size_t pos = 0; pos < text.size();) {
        offsets.push_back(static_cast<uint32_t>(pos));
        char32_t cp = utf8::decode(text, pos);
        rtl_possible = rtl_possible || may_be_rtl(cp);
        cps.push_back(cp);
    }
    const size_t count = cps.size();
    if (count == 0) return out;

    std::vector<int> levels(count, 0);
    if (rtl_possible) {
        std::vector<FriBidiCharType> types(count);
        std::vector<FriBidiBracketType> brackets(count);
        std::vector<FriBidiLevel> bidi_levels(count);
        const FriBidiChar* chars = reinterpret_cast<const FriBidiChar*>(cps.data());
        fribidi_get_bidi_types(chars, static_cast<FriBidiStrIndex>(count), types.data());
        fribidi_get_bracket_types(chars, static_cast<FriBidiStrIndex>(count), types.data(), brackets.data());
        FriBidiParType direction = FRIBIDI_PAR_ON;
        if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), static_cast<FriBidiStrIndex>(count),
                                                &direction, bidi_levels.data()) != 0) {
            for (size_t i = 0; i < count; ++i)
                levels[i] = static_cast<unsigned char>(bidi_levels[i]);  // FriBidiLevel: a signed char, 0 to 125
            out.rtl = FRIBIDI_IS_RTL(direction);
        }
    }

    // Script and face of every code point.
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> scripts(count);
    std::vector<size_t> faces(count, 0);
    const size_t chain = fonts_.chain_length();
    hb_script_t last_strong = HB_SCRIPT_COMMON;
    for (size_t i = 0; i < count; ++i) {
        const char32_t cp = cps[i];
        const hb_script_t script = hb_unicode_script(unicode, cp);
        const hb_unicode_general_category_t gc = hb_unicode_general_category(unicode, cp);
        scripts[i] = weak_script(script) ? last_strong : script;
        if (!weak_script(script)) last_strong = script;
        const bool invisible = is_invisible(gc, cp);
        if (i > 0 && (invisible || (is_mark(gc) && fonts_.has_char(faces[i - 1], cp)) ||
                      (weak_script(script) && fonts_.has_char(faces[i - 1], cp)))) {
            faces[i] = faces[i - 1];  // marks, joiners and punctuation stay with their neighbour
            continue;
        }
        size_t face = 0;
        while (face < chain && !fonts_.has_char(face, cp)) ++face;
        if (face == chain) {
            face = 0;
            if (!invisible) note_missing(cp);
        }
        faces[i] = face;
    }
    // Leading common characters take the script of the first strong one after them.
    hb_script_t next_strong = HB_SCRIPT_COMMON;
    for (size_t i = count; i-- > 0;) {
        if (scripts[i] == HB_SCRIPT_COMMON) scripts[i] = next_strong;
        else next_strong = scripts[i];
    }

    std::vector<Run> runs;
    for (size_t i = 0; i < count; ++i) {
        if (runs.empty() || runs.back().level != levels[i] || runs.back().script != scripts[i] ||
            runs.back().face != faces[i])
            runs.push_back(Run{i, i + 1, levels[i], scripts[i], faces[i]});
        else runs.back().end = i + 1;
    }

    // Controls are shaped as zero-width spaces: never a .notdef box for a tab or newline.
    std::vector<uint32_t> shaped_cps(cps.begin(), cps.end());
    for (uint32_t& cp : shaped_cps)
        if (hb_unicode_general_category(unicode, cp) == HB_UNICODE_GENERAL_CATEGORY_CONTROL) cp = 0x200B;

    hb_buffer_t* buffer = hb_buffer_create();
    const hb_language_t language =
        lang.empty() ? HB_LANGUAGE_INVALID : hb_language_from_string(lang.data(), static_cast<int>(lang.size()));
    out.glyphs.reserve(count);
    for (size_t run_index : visual_order(runs)) {
        const Run& run = runs[run_index];
        hb_buffer_clear_contents(buffer);
        hb_buffer_add_utf32(buffer, shaped_cps.data(), static_cast<int>(count), static_cast<unsigned>(run.first),
                            static_cast<int>(run.end - run.first));
        hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer, run.script == HB_SCRIPT_COMMON ? HB_SCRIPT_LATIN : run.script);
        if (language != HB_LANGUAGE_INVALID) hb_buffer_set_language(buffer, language);
        const Face& face = fonts_.face(run.face, weight);
        hb_shape(face.hb, buffer, nullptr, 0);
        unsigned glyph_count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &glyph_count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &glyph_count);
        const uint16_t face_id = FontCollection::face_id(run.face, weight);
        const float scale = face.scale_per_px;
        for (unsigned g = 0; g < glyph_count; ++g) {
            ShapedGlyph glyph{face_id,
                              info[g].codepoint,
                              pos[g].x_advance * scale,
                              pos[g].x_offset * scale,
                              pos[g].y_offset * scale,
                              offsets[std::min<size_t>(info[g].cluster, count - 1)]};
            out.width += glyph.x_advance;
            out.glyphs.push_back(glyph);
        }
    }
    hb_buffer_destroy(buffer);
    return out;
}

// What an entry holds on the heap: its key, its glyphs, the list node and the index's node.
size_t TextShaper::entry_bytes(const Entry& entry) {
    return entry.key.capacity() + entry.shaped.glyphs.capacity() * sizeof(ShapedGlyph) + sizeof(Entry) + 64;
}

const ShapedText& TextShaper::shape(std::string_view text, Weight weight, std::string_view lang) {
    std::string key;
    key.reserve(text.size() + lang.size() + 2);
    key += static_cast<char>('0' + static_cast<int>(weight));
    key.append(lang.data(), lang.size());
    key += '\x1f';
    key.append(text.data(), text.size());
    auto found = index_.find(std::string_view(key));
    if (found != index_.end()) {
        lru_.splice(lru_.begin(), lru_, found->second);
        return found->second->shaped;
    }
    ShapedText shaped = shape_uncached(text, weight, lang);
    shaped.glyphs.shrink_to_fit();
    lru_.push_front(Entry{std::move(key), std::move(shaped)});
    index_.emplace(std::string_view(lru_.front().key), lru_.begin());
    cache_bytes_ += entry_bytes(lru_.front());
    while (lru_.size() > 1 && cache_bytes_ > kCacheBudgetBytes) {
        cache_bytes_ -= entry_bytes(lru_.back());
        index_.erase(std::string_view(lru_.back().key));
        lru_.pop_back();
    }
    return lru_.front().shaped;
}

}  // namespace kiosk::core::text
