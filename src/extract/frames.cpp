#include "extract/detail/frames.hpp"

namespace truce::extract::detail {
namespace {

bool usable_as_claimant(const Analysis& analysis, const Mention& actor, Range clause) {
  if (!actor.entry->has_attribute("adjective"))
    return true;
  // "the Armenian side said": an adjective names a claimant only after a side word.
  for (const Mention* side : analysis.in(clause, "side_word")) {
    if (side->range.end <= actor.range.begin &&
        analysis.words_between(side->range.end, actor.range.begin) <= 1) {
      return true;
    }
  }
  return false;
}

// The actor an attribution trigger quotes: the nearest actor mention in its
// clause, on the side the lexicon says first ("according to X", "X said").
std::optional<Attribution> resolve(const Analysis& analysis, const Sentence& sentence,
                                   const Mention& trigger) {
  const Range clause = analysis.clause_of(sentence, trigger.range.begin);
  const auto actors = analysis.in(sentence.range, "actor");
  const Mention* before = nullptr;
  const Mention* after = nullptr;
  for (const Mention* actor : actors) {
    if (!usable_as_claimant(analysis, *actor, sentence.range))
      continue;
    if (actor->range.end <= trigger.range.begin && clause.contains(actor->range.begin)) {
      before = actor;  // the last one before wins
    } else if (actor->range.begin >= trigger.range.end && after == nullptr &&
               analysis.words_between(trigger.range.end, actor->range.begin) <= 3) {
      after = actor;
    }
  }
  const std::string_view preferred = trigger.value();
  const Mention* chosen = nullptr;
  if (preferred == "after") {
    chosen = after != nullptr ? after : before;
  } else if (preferred == "before") {
    chosen = before != nullptr ? before : after;
  } else {
    // Either side: the closer one.
    if (before != nullptr && after != nullptr) {
      chosen = analysis.words_between(before->range.end, trigger.range.begin) <=
                       analysis.words_between(trigger.range.end, after->range.begin)
                   ? before
                   : after;
    } else {
      chosen = before != nullptr ? before : after;
    }
  }
  if (chosen == nullptr)
    return std::nullopt;
  return Attribution{&trigger, chosen};
}

struct SentenceAttribution {
  std::optional<Attribution> quoted;  // with an actor
  const Mention* anaphor = nullptr;   // "according to the statement"
};

SentenceAttribution attribution_of(const Analysis& analysis, const Sentence& sentence) {
  SentenceAttribution result;
  for (const Mention* trigger : analysis.in(sentence.range, "attribution")) {
    if (auto attribution = resolve(analysis, sentence, *trigger)) {
      result.quoted = attribution;
      return result;
    }
    if (result.anaphor == nullptr) {
      const Range clause = analysis.clause_of(sentence, trigger->range.begin);
      for (const Mention* anaphor : analysis.in(clause, "claimant_anaphor")) {
        if (anaphor->range.begin >= trigger->range.end &&
            analysis.words_between(trigger->range.end, anaphor->range.begin) <= 2) {
          result.anaphor = anaphor;
        }
      }
    }
  }
  return result;
}

}  // namespace

int specificity(const Actor& actor) {
  if (actor.kind == "state")
    return 0;
  if (actor.kind == "government" || actor.kind == "head_of_state")
    return 1;
  return 2;
}

Range Frame::range(const Analysis& analysis) const {
  return {analysis.sentences[sentences.front()].range.begin,
          analysis.sentences[sentences.back()].range.end};
}

std::vector<Frame> build_frames(const Analysis& analysis, const ActorRegistry& actors, Range body,
                                std::optional<Range> headline) {
  std::vector<Frame> frames;
  std::uint32_t last_paragraph = 0;
  for (std::uint32_t index = 0; index < analysis.sentences.size(); ++index) {
    const Sentence& sentence = analysis.sentences[index];
    if (headline && headline->covers(sentence.range)) {
      if (frames.empty() || !frames.back().headline) {
        frames.push_back({});
        frames.back().headline = true;
      }
      frames.back().sentences.push_back(index);
      continue;
    }
    if (!body.overlaps(sentence.range))
      continue;

    const SentenceAttribution found = attribution_of(analysis, sentence);
    Frame* current = frames.empty() || frames.back().headline ? nullptr : &frames.back();
    const bool same_paragraph = current != nullptr && sentence.paragraph == last_paragraph;
    last_paragraph = sentence.paragraph;

    if (found.quoted) {
      const std::string id(found.quoted->actor->value());
      const std::string party = actors.party_of(id);
      const bool same_party = current != nullptr && !current->narrative() && !party.empty() &&
                              actors.party_of(current->claimant) == party;
      if (same_party || (current != nullptr && current->claimant == id)) {
        current->sentences.push_back(index);
        current->attributions.push_back(*found.quoted);
        const Actor* now = actors.find(current->claimant);
        const Actor* candidate = actors.find(id);
        if (now != nullptr && candidate != nullptr && specificity(*candidate) > specificity(*now)) {
          current->claimant = id;
        }
        continue;
      }
      Frame frame;
      frame.claimant = id;
      frame.sentences.push_back(index);
      frame.attributions.push_back(*found.quoted);
      frames.push_back(std::move(frame));
      continue;
    }
    if (current != nullptr && !current->narrative() && (same_paragraph || found.anaphor)) {
      current->sentences.push_back(index);
      if (found.anaphor != nullptr)
        current->attributions.push_back({found.anaphor, nullptr});
      continue;
    }
    if (current != nullptr && current->narrative() && same_paragraph) {
      current->sentences.push_back(index);
      continue;
    }
    Frame frame;
    frame.sentences.push_back(index);
    frames.push_back(std::move(frame));
  }
  return frames;
}

}  // namespace truce::extract::detail
