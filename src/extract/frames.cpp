#include "extract/detail/frames.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>

#include "core/vocabulary.hpp"
#include "extract/detail/assemble.hpp"

namespace truce::extract::detail {
namespace {

// Whether two sentences open with the same words ("In the area of
// responsibility of the …"): the items of one list of a report.
bool same_opening(const Analysis& analysis, const Sentence& a, const Sentence& b) {
  constexpr std::ptrdiff_t kOpeningWords = 4;
  const auto opening = [&](const Sentence& sentence) -> std::optional<std::string_view> {
    const auto first = std::lower_bound(analysis.word_starts.begin(), analysis.word_starts.end(),
                                        sentence.range.begin);
    if (analysis.word_starts.end() - first <= kOpeningWords ||
        first[kOpeningWords] >= sentence.range.end) {
      return std::nullopt;
    }
    return std::string_view(analysis.normalized.text).substr(*first, first[kOpeningWords] - *first);
  };
  const std::optional<std::string_view> first = opening(a);
  return first && first == opening(b);
}

bool usable_as_claimant(const Analysis& analysis, const Mention& actor, Range clause) {
  // «الانفصاليين الموالين لروسيا», "separatists loyal to Moscow": whom others are
  // loyal to only describes them.
  if (follows_an_allegiance_word(analysis, actor)) {
    return false;
  }
  // "сказал он в интервью РИА Новости": the outlet is who asked.
  for (const Mention* medium : analysis.in(clause, "medium_marker")) {
    if (medium->range.end <= actor.range.begin &&
        analysis.words_between(medium->range.end, actor.range.begin) <= 1) {
      return false;
    }
  }
  if (!actor.entry->has_attribute("adjective")) {
    return true;
  }
  // "the Armenian side said": an adjective names a claimant only after a side word,
  for (const Mention* side : analysis.in(clause, "side_word")) {
    if (side->range.end <= actor.range.begin &&
        analysis.words_between(side->range.end, actor.range.begin) <= 1) {
      return true;
    }
  }
  // or beside an office: before it ("Armenian officials said", "a Syrian
  // military official"), or right after it («مسؤول عسكري سوري» has one word
  // between, «مسؤول أرميني» none).
  for (const Mention* office : analysis.in(clause, "speaker_office")) {
    if (office->range.begin >= actor.range.end &&
        analysis.words_between(actor.range.end, office->range.begin) <= 1) {
      return true;
    }
    if (office->range.end <= actor.range.begin &&
        analysis.words_between(office->range.end, actor.range.begin) <= 1 &&
        analysis.in({office->range.end, actor.range.begin}, "attribution").empty()) {
      return true;
    }
  }
  return false;
}

bool between(const Analysis& analysis, Category category, std::uint32_t from, std::uint32_t to) {
  return to > from && analysis.first_in({from, to}, category) != nullptr;
}

// Whether no mention of any category starts inside `range` (words the lexicon
// does not know, such as a person's name).
bool no_mention_in(const Analysis& analysis, Range range) {
  const auto first = std::lower_bound(
      analysis.mentions.begin(), analysis.mentions.end(), range.begin,
      [](const Mention& mention, std::uint32_t at) { return mention.range.begin < at; });
  return first == analysis.mentions.end() || first->range.begin >= range.end;
}

// The words of a person's name after an official's title and seat.
constexpr std::uint32_t kWordsOfAName = 2;

// Whether a word for a statement or a report (`document`) ends right before
// `word` ("a statement by", "a statement issued by", «بيان صادر عن»: at most
// two words between).
bool after_a_document(const Analysis& analysis, const Mention& word) {
  const std::uint32_t from = word.word.begin > 32 ? word.word.begin - 32 : 0;
  const MentionList documents = analysis.in({from, word.word.begin}, "document");
  return !documents.empty() && documents.back()->range.end <= word.word.begin &&
         analysis.words_between(documents.back()->range.end, word.word.begin) <= 2;
}

// "violations by the Pakistan Army were recorded": an actor just after an
// agent word.
bool agent_of_a_noun(const Analysis& analysis, const Mention& actor) {
  const std::uint32_t from = actor.range.begin > 32 ? actor.range.begin - 32 : 0;
  for (const Mention* marker : analysis.in({from, actor.range.begin}, "agent_marker")) {
    // "by the Pakistan Army"; not "by Armenia,” Baku's defence ministry", nor
    // "a statement by the ministry said" (who wrote it speaks).
    if (marker->range.end <= actor.range.begin && !after_a_document(analysis, *marker) &&
        analysis.words_between(marker->range.end, actor.range.begin) <= 1 &&
        analysis.in({marker->range.end, actor.range.begin}, "actor").empty()) {
      return true;
    }
  }
  return false;
}

// "The Army blamed Pakistan for the violation and said …": the one a verb of
// accusing (lexicon value `only_before`) names right after it is accused; it
// speaks for no verb of the sentence.
bool accused(const Analysis& analysis, const Mention& actor) {
  const std::uint32_t from = actor.word.begin > 32 ? actor.word.begin - 32 : 0;
  for (const Mention* verb : analysis.in({from, actor.word.begin}, "attribution")) {
    if (verb->value() == "only_before" && verb->range.end <= actor.word.begin &&
        analysis.words_between(verb->range.end, actor.word.begin) <= 1) {
      return true;
    }
  }
  return false;
}

// "an alleged Armenian military buildup", "the reported shelling": a verb of
// saying right after an article describes the noun after it; no one speaks.
bool after_an_article(const Analysis& analysis, const Mention& trigger) {
  const std::uint32_t from = trigger.word.begin > 8 ? trigger.word.begin - 8 : 0;
  const MentionList articles = analysis.in({from, trigger.word.begin}, "article");
  return std::any_of(articles.begin(), articles.end(), [&](const Mention* article) {
    return article->word.end <= trigger.word.begin &&
           analysis.words_between(article->word.end, trigger.word.begin) == 0;
  });
}

// "передает РИА", «وحسبما نقلت وكالة …»: the verb of saying, or one between
// it and the speaker, passes on what another said (an attribution with an actor).
bool relays(const Analysis& analysis, const Attribution& attribution) {
  if (attribution.trigger->entry->has_attribute("relay")) {
    return true;
  }
  const Range between{std::min(attribution.trigger->range.begin, attribution.actor->range.begin),
                      std::max(attribution.trigger->range.end, attribution.actor->range.begin)};
  const MentionList verbs = analysis.in(between, "attribution");
  return std::any_of(verbs.begin(), verbs.end(),
                     [](const Mention* verb) { return verb->entry->has_attribute("relay"); });
}

// Words between two offsets, not counting those of a date in between ("Об
// этом сегодня, 15 сентября, заявила").
std::uint32_t words_apart(const Analysis& analysis, std::uint32_t from, std::uint32_t to) {
  std::uint32_t words = analysis.words_between(from, to);
  // The dates are in order of their start: only those starting in [from, to).
  auto date = std::lower_bound(
      analysis.dates.begin(), analysis.dates.end(), from,
      [](const DateMention& mention, std::uint32_t at) { return mention.begin < at; });
  for (; date != analysis.dates.end() && date->begin < to; ++date) {
    if (date->end <= to) {
      words -= std::min(words, analysis.words_between(date->begin, date->end));
    }
  }
  return words;
}

// An actor after the verb is its speaker at most this many words after it...
constexpr std::uint32_t kWordsAfterTheVerb = 3;
// How far after an actor a source word is looked for (a space and a word).
constexpr std::uint32_t kSourceReachBytes = 32;
// ... or this many when an office opens the words after the verb: "заявил
// директор четвертого департамента стран СНГ министерства иностранных дел РФ",
// "said the director of the fourth CIS department of the Russian Foreign
// Ministry" describe one speaker, the body named last.
constexpr std::uint32_t kWordsOfAnOffice = 8;

// Where the words naming the speaker start: after the verb, or after the
// document it names ("говорится в сообщении на сайте главы … администрации
// Геннадия Москаля": the message is on the site of the one who speaks).
std::uint32_t speaker_words_begin(const Analysis& analysis, const Sentence& sentence,
                                  const Mention& trigger) {
  const MentionList documents =
      analysis.in({trigger.range.end, sentence.range.end}, "claimant_anaphor");
  if (!documents.empty() && documents.front()->entry->phrase.find(' ') != std::string::npos &&
      analysis.words_between(trigger.range.end, documents.front()->range.begin) == 0) {
    return documents.front()->range.end;
  }
  // "according to a statement from the ministry", «جاء في بيان لوزارة»: the
  // words of whose it is follow the statement.
  const Mention* statement = analysis.first_in({trigger.range.end, sentence.range.end}, "document");
  if (statement != nullptr &&
      analysis.words_between(trigger.range.end, statement->range.begin) <= 1) {
    return statement->range.end;
  }
  return trigger.range.end;
}

// The office that opens the words naming the speaker, within `reach` words,
// or after a person's name the lexicon does not know («قال آرام مثال، المتحدث
// باسم الوزارة»).
const Mention* opening_office(const Analysis& analysis, const Sentence& sentence,
                              std::uint32_t from, std::uint32_t reach) {
  const MentionList offices = analysis.in({from, sentence.range.end}, "speaker_office");
  if (offices.empty()) {
    return nullptr;
  }
  const Mention* office = offices.front();
  const std::uint32_t words = analysis.words_between(from, office->range.begin);
  if (words <= reach) {
    return office;
  }
  // "said Aram Example, a spokesman for …": an article may open the office.
  std::uint32_t begin = office->range.begin;
  const MentionList articles = analysis.in({from, begin}, "article");
  if (!articles.empty() && analysis.words_between(articles.back()->range.end, begin) == 0) {
    begin = articles.back()->word.begin;
  }
  return analysis.words_between(from, begin) <= reach + kWordsOfAName &&
                 no_mention_in(analysis, {from, begin})
             ? office
             : nullptr;
}

// Whether the actor is who the speaker told ("a source told Reuters",
// «قال مصدر عسكري لوكالة سبوتنيك», «сообщил ТАСС источник»): right after a verb
// of telling (lexicon attribute `addressee`), right before a source, or joined
// to a prefix of the one spoken to («ل», "to": a `prefix` with the attribute
// `addressee`), not after a statement («بيان لوزارة الدفاع» is the ministry's).
bool addressed(const Analysis& analysis, const Mention& trigger, const Mention& actor) {
  if (trigger.entry->has_attribute("addressee") &&
      analysis.words_between(trigger.range.end, actor.range.begin) <= 1) {
    return true;
  }
  const Mention* source =
      analysis.first_in({actor.range.end, actor.range.end + kSourceReachBytes}, "source_word");
  if (source != nullptr && analysis.words_between(actor.range.end, source->range.begin) == 0) {
    return true;
  }
  const std::string_view prefix =
      std::string_view(analysis.normalized.text)
          .substr(actor.word.begin, actor.range.begin - actor.word.begin);
  if (prefix.empty() || analysis.addressee_prefixes == nullptr) {
    return false;
  }
  const std::vector<std::string_view>& marks = *analysis.addressee_prefixes;
  return std::any_of(marks.begin(), marks.end(),
                     [&](std::string_view mark) { return prefix.ends_with(mark); }) &&
         !after_a_document(analysis, actor);
}

// The actor an attribution trigger quotes: an actor right beside the trigger
// ("وزارة الدفاع أوضحت", "أعلنت يريفان"), else the nearest in its clause on
// the side the lexicon says first ("according to X", "X said"). An actor after
// "that"/"أن"/"что" belongs to what was said, not to who said it. A verb
// after an article quotes no one.
std::optional<Attribution> resolve(const Analysis& analysis, const Sentence& sentence,
                                   const Mention& trigger) {
  const Range clause = analysis.clause_of(sentence, trigger.range.begin);
  // A mutual statement ("accused each other") is no one party's.
  if (after_an_article(analysis, trigger) || reciprocal_of(analysis, trigger, clause) != nullptr) {
    return std::nullopt;
  }
  const auto actors = analysis.in(sentence.range, "actor");
  const std::uint32_t speaker_from = speaker_words_begin(analysis, sentence, trigger);
  // After a document, the words of its place ("на сайте") may come first.
  const Mention* office =
      opening_office(analysis, sentence, speaker_from, speaker_from == trigger.range.end ? 1 : 2);
  const bool office_follows = office != nullptr;
  std::uint32_t after_from = office_follows ? office->range.begin : speaker_from;
  const std::uint32_t after_reach = office_follows ? kWordsOfAnOffice : kWordsAfterTheVerb;
  const Mention* before = nullptr;
  const Mention* after = nullptr;
  for (const Mention* actor : actors) {
    if (!usable_as_claimant(analysis, *actor, sentence.range)) {
      continue;
    }
    if (actor->range.end <= trigger.range.begin && clause.contains(actor->range.begin)) {
      // "violations by the Pakistan Army were recorded": the agent of a noun
      // before the verb is not who reports.
      if (agent_of_a_noun(analysis, *actor) || accused(analysis, *actor)) {
        continue;
      }
      before = actor;  // the last one before wins
    } else if (actor->range.begin >= trigger.range.end && after == nullptr &&
               words_apart(analysis, after_from, actor->range.begin) <= after_reach &&
               !between(analysis, "complementizer", trigger.range.end, actor->range.begin)) {
      // The one told takes nothing of the speaker's reach.
      if (addressed(analysis, trigger, *actor)) {
        after_from = actor->range.end;
        continue;
      }
      after = actor;
    }
  }
  // "citing the ministry", not "citing an alleged Armenian military buildup":
  // a `near` verb quotes only the actor right after it.
  if (trigger.entry->has_attribute("near")) {
    if (after == nullptr || analysis.words_between(trigger.range.end, after->range.begin) > 1) {
      return std::nullopt;
    }
    return Attribution{&trigger, after};
  }
  // The office and the body it belongs to are one description of the speaker.
  const std::uint32_t after_gap =
      after == nullptr ? 99
      : office_follows ? 0
                       : words_apart(analysis, trigger.range.end, after->range.begin);
  // "Armenia's Defence Ministry later said Azerbaijani troops had shelled …",
  // "… said Indian troops killed two civilians": an actor right after the verb
  // that goes on to act or to kill or wound in its clause is the subject of
  // what was said, not a speaker named after the verb ("…, said the ministry").
  const bool after_acts =
      after != nullptr && (!analysis.in({after->range.end, clause.end}, "event").empty() ||
                           !analysis.in({after->range.end, clause.end}, "casualty").empty());
  // With no one after it, the verb must end its clause ("…, заявил, что …"):
  // "…, сообщает NTV" names its speaker after it, though not one the registry
  // knows.
  const bool ends_its_clause =
      after == nullptr && analysis.words_between(trigger.range.end, clause.end) == 0;
  // "…, a spokesman for the DPR militia, Eduard Basurin, said": a verb that
  // opens its clause after a comma speaks for the name that ends the clause
  // before it (a person's name the lexicon does not know may follow it: "A
  // spokesman for the ministry, Aram Example, said"), if its speaker stands
  // before it (lexicon value `before`) unless a name follows the verb at once
  // ("…, said Kyiv"), if the actor after it goes on to act ("…, said
  // Azerbaijani forces shelled …"), or if it ends its clause.
  const bool speaker_may_end_the_clause_before =
      trigger.value() != "after" &&
      (after_acts || ends_its_clause || (trigger.value() == "before" && after_gap > 0));
  if (before == nullptr && speaker_may_end_the_clause_before &&
      analysis.words_between(clause.begin, trigger.range.begin) == 0) {
    for (const Mention* actor : actors) {
      const std::uint32_t words =
          actor->range.end <= trigger.range.begin
              ? analysis.words_between(actor->range.end, trigger.range.begin)
              : 99;
      if ((words == 0 || (words <= kWordsOfAName &&
                          no_mention_in(analysis, {actor->range.end, trigger.range.begin}))) &&
          usable_as_claimant(analysis, *actor, sentence.range) &&
          !agent_of_a_noun(analysis, *actor)) {
        before = actor;
      }
    }
  }
  // "Armenia's defence ministry denied the report, calling it …, and said …":
  // a verb joined to an earlier one (lexicon attribute `coordinated`: "and
  // said") with no speaker in its clause shares the subject that opens the
  // sentence.
  if (before == nullptr && trigger.entry->has_attribute("coordinated")) {
    for (const Mention* actor : actors) {
      if (actor->range.end <= trigger.range.begin &&
          analysis.words_between(sentence.range.begin, actor->range.begin) <= 1 &&
          usable_as_claimant(analysis, *actor, sentence.range)) {
        before = actor;  // "The Foreign Ministry …": an article may open it
        break;
      }
    }
  }
  std::uint32_t before_gap =
      before != nullptr ? analysis.words_between(before->range.end, trigger.range.begin) : 99;
  // "SANA's reporter said terrorists …", "the ministry's spokesman said …":
  // the office right before the verb is the body's, which speaks.
  if (before_gap == 1 &&
      !analysis.in({before->range.end, trigger.range.begin}, "speaker_office").empty()) {
    before_gap = 0;
  }
  const std::string_view preferred = trigger.value();
  const Mention* chosen = nullptr;
  if (preferred == "only_before") {
    // "X accused Y": the actor after the verb is the accused, never the
    // speaker, who may stand in an earlier clause ("Armenia denied …, and
    // accused Baku").
    if (before == nullptr) {
      for (const Mention* actor : actors) {
        if (actor->range.end <= trigger.range.begin &&
            usable_as_claimant(analysis, *actor, sentence.range)) {
          before = actor;
        }
      }
    }
    if (before == nullptr) {
      return std::nullopt;
    }
    return Attribution{&trigger, before};
  }
  constexpr std::uint32_t kSpeakerWordsBefore = 6;
  const bool speaker_just_before =
      before != nullptr && before_gap <= kSpeakerWordsBefore && after_acts && preferred != "after";
  if (before_gap == 0 && after_gap > 0) {
    chosen = before;
  } else if (after_gap == 0 && before_gap > 0 && !speaker_just_before) {
    chosen = after;
  } else if (preferred == "after") {
    chosen = after != nullptr ? after : before;
  } else if (preferred == "before") {
    chosen = before != nullptr ? before : after;
  } else {
    chosen = before_gap <= after_gap ? before : after;
  }
  // "Officials said Armenian troops shelled …": a verb whose speaker stands
  // before it, with words of its clause before it, is not followed by its
  // speaker when the actor after it goes on to act ("…, said the ministry"
  // opens its clause).
  if (chosen != nullptr && chosen == after && after_acts && preferred == "before" &&
      analysis.words_between(clause.begin, trigger.range.begin) > 0) {
    chosen = before;
  }
  if (chosen == nullptr) {
    return std::nullopt;
  }
  return Attribution{&trigger, chosen};
}

// "Interfax, citing the prime minister", "نقلت وكالة ... عن", "сообщает ТАСС со
// ссылкой на": an agency relaying someone is not the claimant. The one cited
// may come after another body joined to it ("со ссылкой на Генеральную
// прокуратуру и МВД Азербайджана", whose first name is not complete alone).
constexpr std::uint32_t kWordsBeforeTheCited = 4;

const Mention* relayed(const Analysis& analysis, const ActorRegistry& actors,
                       const Sentence& sentence, const Mention& outlet) {
  const Actor* actor = actors.find(outlet.value());
  if (actor == nullptr || !actor->is_press()) {
    return nullptr;
  }
  const Mention* relay = nullptr;
  for (const Mention* marker : analysis.in(sentence.range, "relay_marker")) {
    if (marker->range.begin >= outlet.range.end &&
        analysis.words_between(outlet.range.end, marker->range.begin) <= 3) {
      relay = marker;
      break;
    }
  }
  if (relay == nullptr) {
    return nullptr;
  }
  // «نقلت سانا عن مصدر عسكري قوله إن المجموعات …»: an actor after "that" is
  // what the unnamed source said, not the one cited.
  for (const Mention* source : analysis.in(sentence.range, "actor")) {
    if (source->range.begin >= relay->range.end &&
        analysis.words_between(relay->range.end, source->range.begin) <= kWordsBeforeTheCited) {
      return between(analysis, "complementizer", relay->range.end, source->range.begin) ? nullptr
                                                                                        : source;
    }
  }
  return nullptr;
}

// "An Indian army spokesman in Srinagar said …", "said in Srinagar that …",
// «أعلن متحدث باسم الجيش الهندي في سريناغار أن …»: a place at most a word
// after the speaker's words (the verb and who said it), with the verb, a
// complementizer or the end of the clause right after it, is where they
// spoke, not where anything happened; or null.
const Mention* place_spoken_in(const Analysis& analysis, const Sentence& sentence,
                               const Attribution& attribution) {
  const Mention& trigger = *attribution.trigger;
  const Range clause = analysis.clause_of(sentence, trigger.range.begin);
  for (const Mention* speaker : {attribution.actor, &trigger}) {
    if (speaker == nullptr) {
      continue;
    }
    const Mention* place = analysis.first_in({speaker->range.end, sentence.range.end}, "place");
    if (place == nullptr) {
      continue;
    }
    // Not across a clause's end: "По данным X, в Идлибе …" tells where it happened.
    if (!analysis.clause_of(sentence, speaker->range.begin).contains(place->range.begin)) {
      continue;
    }
    // The office of a body may stand between it and the place ("army spokesman in").
    const Range gap{speaker->range.end, place->range.begin};
    const std::uint32_t reach = analysis.in(gap, "speaker_office").empty() ? 1 : 2;
    if (analysis.words_between(gap.begin, gap.end) > reach) {
      continue;
    }
    const bool verb_after = trigger.range.begin >= place->range.end &&
                            analysis.words_between(place->range.end, trigger.range.begin) == 0;
    const Mention* that =
        analysis.first_in({place->range.end, sentence.range.end}, "complementizer");
    const bool said_after =
        that != nullptr && analysis.words_between(place->range.end, that->range.begin) == 0;
    const bool ends_clause = place->range.begin >= trigger.range.end &&
                             analysis.words_between(place->range.end, clause.end) == 0;
    if (verb_after || said_after || ends_clause) {
      return place;
    }
  }
  return nullptr;
}

struct SentenceAttribution {
  std::optional<Attribution> quoted;  // with an actor
  const Mention* anaphor = nullptr;   // "according to the statement"
  // "a defence spokesperson said in Jammu": an official no name gives, and
  // the place they spoke in.
  const Mention* unnamed = nullptr;
  const Mention* unnamed_place = nullptr;
  // The place is the one told of (police speaking of their own ground), not
  // where they spoke: it stays the act's.
  bool place_told_of = false;
  bool points_back = false;  // "Об этом заявили в ...": the sentences before are quoted
  bool refers_back = false;  // by a word ("об этом"), not by a closing quotation mark
};

// A word such as "об этом" ("about this") beside the trigger says the
// attribution is of what came before it.
bool points_back(const Analysis& analysis, const Sentence& sentence, const Mention& trigger) {
  for (const Mention* word : analysis.in(sentence.range, "attribution_backref")) {
    const bool before = word->range.end <= trigger.range.begin &&
                        words_apart(analysis, word->range.end, trigger.range.begin) <= 1;
    const bool after = word->range.begin >= trigger.range.end &&
                       words_apart(analysis, trigger.range.end, word->range.begin) <= 1;
    if (before || after) {
      return true;
    }
  }
  return false;
}

// «…. …», — отметили в ведомстве; "… . …," the ministry said: an attribution
// after a closing quotation mark whose opening mark is in an earlier sentence speaks for the
// sentences of the quotation before it too.
bool closes_earlier_quotation(const Analysis& analysis, const Sentence& sentence,
                              const Mention& trigger) {
  const std::string_view before =
      std::string_view(analysis.normalized.text)
          .substr(sentence.range.begin, trigger.range.begin - sentence.range.begin);
  // The matching form writes every double quotation mark as '"' («» “” „ ‟ and
  // the ” Arabic sites open and close with alike): an odd count before the
  // verb closes a quotation opened in an earlier sentence.
  return std::count(before.begin(), before.end(), '"') % 2 == 1;
}

// "Украинские силовики открыли огонь … . Загорелся один дом, сообщили в
// представительстве ДНР": an attribution in a last clause of its own, after
// what was said, speaks for the paragraph's sentences before it too.
// "according to", «وفق ما أفاد», «по данным» are said of their own sentence
// only ("…, killing 12 civilians, according to the Observatory").
bool ends_the_account(const Analysis& analysis, const Sentence& sentence, const Mention& trigger) {
  if (trigger.value() == "after") {
    return false;
  }
  const Range clause = analysis.clause_of(sentence, trigger.range.begin);
  return clause.begin > sentence.range.begin && !sentence.clauses.empty() &&
         sentence.clauses.back().begin == clause.begin && analysis.in(clause, "event").empty() &&
         analysis.in(clause, "casualty").empty();
}

// "the head of the Centre for Reconciliation (CRS) in Syria said": a state
// named just after a body places the body, it does not speak.
const Mention* head_of(const Analysis& analysis, const ActorRegistry& actors,
                       const Sentence& sentence, const Mention& speaker) {
  const Actor* named = actors.find(speaker.value());
  if (named == nullptr || named->kind != "state") {
    return &speaker;
  }
  const Mention* body = nullptr;
  for (const Mention* actor : analysis.in(sentence.range, "actor")) {
    if (actor->range.end > speaker.range.begin) {
      break;
    }
    const Actor* candidate = actors.find(actor->value());
    if (candidate != nullptr && candidate->kind != "state" &&
        analysis.words_between(actor->range.end, speaker.range.begin) <= 2) {
      body = actor;
    }
  }
  return body != nullptr ? body : &speaker;
}

// "пресс-секретарь российского лидера Дмитрий Песков", "the minister's
// spokesperson Anna Example": a person named right after the actor found is
// the one who speaks.
const Mention* named_after(const Analysis& analysis, const ActorRegistry& actors,
                           const Sentence& sentence, const Mention& speaker) {
  for (const Mention* actor : analysis.in({speaker.range.end, sentence.range.end}, "actor")) {
    const Actor* candidate = actors.find(actor->value());
    if (actor->range.begin < speaker.range.end ||
        analysis.words_between(speaker.range.end, actor->range.begin) > 0) {
      break;
    }
    if (candidate != nullptr && candidate->kind == "person" &&
        !actor->entry->has_attribute("adjective")) {
      return actor;
    }
  }
  return &speaker;
}

SentenceAttribution attribution_of(const Analysis& analysis, const ActorRegistry& actors,
                                   const Sentence& sentence) {
  SentenceAttribution result;
  for (const Mention* trigger : analysis.in(sentence.range, "attribution")) {
    // "The ministry said Azerbaijani troops attacked": the speaker referred to
    // again just before the verb, not the subject of what was said after it.
    const MentionList anaphors = analysis.in(sentence.range, "claimant_anaphor");
    const bool speaker_before =
        std::any_of(anaphors.begin(), anaphors.end(), [&](const Mention* anaphor) {
          return anaphor->range.end <= trigger->range.begin &&
                 analysis.words_between(anaphor->range.end, trigger->range.begin) == 0;
        });
    // "По информации ведомства, … украинские силовики открыли огонь": a body
    // referred to again right after the verb is the speaker too (a document
    // there, "в сообщении …", is followed by whose it is, unless its clause
    // ends with it: "According to the statement, Indian forces targeted …").
    const auto speaker_after =
        std::find_if(anaphors.begin(), anaphors.end(), [&](const Mention* anaphor) {
          const auto ends_its_clause = [&] {
            const Range clause = analysis.clause_of(sentence, anaphor->range.begin);
            return analysis.words_between(anaphor->range.end, clause.end) == 0;
          };
          return anaphor->range.begin >= trigger->range.end &&
                 analysis.words_between(trigger->range.end, anaphor->range.begin) == 0 &&
                 (anaphor->entry->phrase.find(' ') == std::string::npos || ends_its_clause());
        });
    auto attribution = resolve(analysis, sentence, *trigger);
    if (attribution && speaker_before && attribution->actor->range.begin >= trigger->range.end) {
      attribution.reset();
    }
    // "…, a monitor said on Monday, hours after Moscow announced a ceasefire":
    // a speaker that points ahead, right before the first verb, is the
    // sentence's; a later verb's is not.
    if (!attribution && speaker_before && result.anaphor == nullptr) {
      for (const Mention* anaphor : anaphors) {
        if (anaphor->range.end <= trigger->range.begin &&
            analysis.words_between(anaphor->range.end, trigger->range.begin) == 0 &&
            anaphor->value().starts_with("ahead:")) {
          result.anaphor = anaphor;
          return result;
        }
      }
    }
    // «جاء في بيان لوزارة الدفاع»: a statement right before whose it is does
    // not stand for the speaker named before.
    const auto whose_statement = [&](const Mention& anaphor, const Mention& actor) {
      return after_a_document(analysis, actor) &&
             analysis.words_between(anaphor.range.end, actor.range.begin) <= 2 &&
             analysis.clause_of(sentence, anaphor.range.begin).contains(actor.range.begin);
    };
    if (attribution && speaker_after != anaphors.end() &&
        attribution->actor->range.begin >= (*speaker_after)->range.end &&
        !whose_statement(**speaker_after, *attribution->actor)) {
      attribution.reset();
    }
    if (attribution) {
      attribution->actor = head_of(analysis, actors, sentence, *attribution->actor);
      attribution->actor = named_after(analysis, actors, sentence, *attribution->actor);
      if (const Mention* source = relayed(analysis, actors, sentence, *attribution->actor)) {
        attribution->actor = source;
      }
      attribution->spoken_in = place_spoken_in(analysis, sentence, *attribution);
      result.quoted = attribution;
      result.refers_back = points_back(analysis, sentence, *trigger);
      result.points_back = result.refers_back ||
                           closes_earlier_quotation(analysis, sentence, *trigger) ||
                           ends_the_account(analysis, sentence, *trigger);
      return result;
    }
    // "the ministry said": the claimant named before, just before the verb.
    if (result.anaphor == nullptr) {
      for (const Mention* anaphor : analysis.in(sentence.range, "claimant_anaphor")) {
        if (anaphor->range.end <= trigger->range.begin &&
            analysis.words_between(anaphor->range.end, trigger->range.begin) <= 1) {
          result.anaphor = anaphor;
          result.points_back = closes_earlier_quotation(analysis, sentence, *trigger);
        }
      }
    }
    if (result.unnamed == nullptr) {
      for (const Mention* official : analysis.in(sentence.range, "unnamed_speaker")) {
        const bool beside =
            official->range.end <= trigger->range.begin
                ? analysis.words_between(official->range.end, trigger->range.begin) <= 1
                : analysis.words_between(trigger->range.end, official->range.begin) <= 1;
        // "a defence spokesman in Jammu said", "SSP Baramulla Abdul Qayoom
        // said": the place between them, and at most a name the lexicon does
        // not know between the place and the verb.
        if (official->range.end <= trigger->range.begin) {
          const Mention* place =
              analysis.first_in({official->range.end, trigger->range.begin}, "place");
          const auto name_between = [&](const Mention& seat) {
            const std::uint32_t words =
                analysis.words_between(seat.range.end, trigger->range.begin);
            return words == 0 || (words <= kWordsOfAName &&
                                  no_mention_in(analysis, {seat.range.end, trigger->range.begin}));
          };
          if (place != nullptr &&
              analysis.words_between(official->range.end, place->range.begin) <= 1 &&
              name_between(*place)) {
            result.unnamed = official;
            result.unnamed_place = place;
            result.points_back = closes_earlier_quotation(analysis, sentence, *trigger);
            continue;
          }
        }
        if (!beside) {
          continue;
        }
        // The place right after the speaker or the verb: "said in Jammu"; or
        // right before the speaker: "Aleppo Police Command told …".
        const std::uint32_t from = std::max(official->range.end, trigger->range.end);
        const Mention* place = analysis.first_in({from, sentence.range.end}, "place");
        if (place != nullptr && analysis.words_between(from, place->range.begin) > 1) {
          place = nullptr;
        }
        const MentionList before =
            analysis.in({sentence.range.begin, official->range.begin}, "place");
        // Not across a clause's end: "… shelled Uri, police said".
        if (place == nullptr && !before.empty() &&
            before.back()->range.end <= official->range.begin &&
            analysis.words_between(before.back()->range.end, official->range.begin) == 0 &&
            analysis.clause_of(sentence, before.back()->range.begin)
                .contains(official->range.begin)) {
          place = before.back();
        }
        // "A police source told SANA that … in Aleppo": the police (attribute
        // `domestic`) speak of their own ground, the place they tell of.
        // Told before them ("A civilian was killed in shelling in Uri, police
        // said"), the first place of the sentence.
        if (place == nullptr && official->entry->has_attribute("domestic")) {
          place = analysis.first_in({from, sentence.range.end}, "place");
          if (place == nullptr && !before.empty()) {
            place = before.front();
          }
          result.place_told_of = place != nullptr;
        }
        if (place != nullptr) {
          result.unnamed = official;
          result.unnamed_place = place;
          result.points_back = closes_earlier_quotation(analysis, sentence, *trigger);
        }
      }
    }
    if (result.anaphor == nullptr) {
      const Range clause = analysis.clause_of(sentence, trigger->range.begin);
      for (const Mention* anaphor : analysis.in(clause, "claimant_anaphor")) {
        if (anaphor->range.begin >= trigger->range.end &&
            analysis.words_between(trigger->range.end, anaphor->range.begin) <= 2) {
          result.anaphor = anaphor;
          result.points_back = closes_earlier_quotation(analysis, sentence, *trigger);
        }
      }
    }
  }
  return result;
}

// A spokesperson speaks for the institution they serve: "Zakharova said" is
// the foreign ministry's claim. Heads of state and government, whose party is
// the state itself, speak as themselves.
std::string speaking_for(const ActorRegistry& actors, std::string_view id) {
  const Actor* actor = actors.find(id);
  if (actor == nullptr || actor->kind != "person" || actor->party.empty()) {
    return std::string(id);
  }
  const Actor* institution = actors.find(actor->party);
  if (institution == nullptr || institution->kind == "state") {
    return std::string(id);
  }
  return institution->id;
}

// "в представительстве ДНР в Совместном центре … (СЦКК)": a short name in
// brackets right after a speaker's name stands for that speaker in the rest of
// the text, even where the short name alone is another actor's.
struct ShortName {
  std::string_view brief;  // the actor the short name alone would be
  std::string speaker;     // the one it stands for
  std::uint32_t from = 0;  // from here on, the brackets included
};

std::vector<ShortName> short_names(const Analysis& analysis, const ActorRegistry& actors) {
  const auto only_spaces = [](std::string_view text) {
    return text.find_first_not_of(' ') == std::string_view::npos;
  };
  const std::string_view text = analysis.normalized.text;
  const MentionList found = analysis.all_of("actor");
  std::vector<ShortName> names;
  for (std::size_t i = 1; i < found.size(); ++i) {
    const Mention& named = *found[i - 1];
    const Mention& brief = *found[i];
    if (named.value() == brief.value() || named.word.end > brief.word.begin) {
      continue;
    }
    const std::string_view before = text.substr(named.word.end, brief.word.begin - named.word.end);
    const std::size_t open = before.find('(');
    const std::size_t close = text.find(')', brief.word.end);
    if (open == std::string_view::npos || !only_spaces(before.substr(0, open)) ||
        !only_spaces(before.substr(open + 1)) || close == std::string_view::npos ||
        !only_spaces(text.substr(brief.word.end, close - brief.word.end))) {
      continue;
    }
    names.push_back({brief.value(), speaking_for(actors, named.value()), brief.range.begin});
  }
  return names;
}

// A word of continuation right beside the event word ("продолжающегося
// обстрела", "the ongoing shelling", "القصف المستمر").
bool told_as_going_on(const Analysis& analysis, const Mention& event) {
  // A word of continuation is shorter than this, in bytes.
  constexpr std::uint32_t kNear = 64;
  const Range around{event.word.begin > kNear ? event.word.begin - kNear : 0,
                     event.word.end + kNear};
  for (const Mention* word : analysis.in(around, "continuing")) {
    const bool before = word->range.end <= event.word.begin &&
                        analysis.words_between(word->range.end, event.word.begin) == 0;
    const bool after = event.word.end <= word->word.begin &&
                       analysis.words_between(event.word.end, word->word.begin) == 0;
    if (before || after) {
      return true;
    }
  }
  return false;
}

}  // namespace

void split_at_second_claimant(Analysis& analysis, const ActorRegistry& actors) {
  // Where each sentence is cut, found before any is: the rules read the
  // sentences as they are, and most texts cut none (then nothing is copied).
  std::vector<std::optional<std::uint32_t>> cuts(analysis.sentences.size());
  bool any_cut = false;
  for (std::size_t index = 0; index < analysis.sentences.size(); ++index) {
    const Sentence& sentence = analysis.sentences[index];
    std::string first_party;
    std::uint32_t first_end = 0;  // where the first attribution ends
    for (const Mention* trigger : analysis.in(sentence.range, "attribution")) {
      const auto attribution = resolve(analysis, sentence, *trigger);
      if (!attribution) {
        continue;
      }
      const std::string& party = actors.party_of(attribution->actor->value());
      if (first_party.empty()) {
        first_party = party.empty() ? std::string(attribution->actor->value()) : party;
        first_end = std::max(trigger->range.end, attribution->actor->range.end);
        continue;
      }
      // Only a clause after the first attribution is another speaker's: the
      // first one's own clause ("Baku reported ... and said") stays whole.
      const Range clause = analysis.clause_of(sentence, trigger->range.begin);
      if (!party.empty() && party != first_party && clause.begin >= first_end) {
        cuts[index] = clause.begin;
        any_cut = true;
        break;
      }
    }
  }
  if (!any_cut) {
    return;
  }
  std::vector<Sentence> sentences;
  sentences.reserve(analysis.sentences.size() + 1);
  for (std::size_t index = 0; index < analysis.sentences.size(); ++index) {
    Sentence& sentence = analysis.sentences[index];
    const std::optional<std::uint32_t> cut = cuts[index];
    if (!cut) {
      sentences.push_back(std::move(sentence));
      continue;
    }
    Sentence head{{sentence.range.begin, *cut}, sentence.paragraph, {}};
    Sentence tail{{*cut, sentence.range.end}, sentence.paragraph, {}};
    for (const Range& clause : sentence.clauses) {
      (clause.begin < *cut ? head : tail).clauses.push_back(clause);
    }
    sentences.push_back(std::move(head));
    sentences.push_back(std::move(tail));
  }
  analysis.sentences = std::move(sentences);
}

namespace {

// The last frame (the outlet's sentences a quotation began in) joins the
// frame before it, with the sentence whose attribution closes it.
// A sentence in the first person carries no attribution of its own.
void fold_into_previous(std::vector<Frame>& frames, std::uint32_t index,
                        std::optional<Attribution> attribution) {
  Frame& open = frames[frames.size() - 2];
  const Frame& last = frames.back();
  open.sentences.insert(open.sentences.end(), last.sentences.begin(), last.sentences.end());
  open.sentences.push_back(index);
  if (attribution) {
    open.attributions.push_back(*attribution);
  }
  frames.pop_back();
}

// The claimant of the latest frame whose speaker is of the kind an anaphor
// names ("the ministry": value `ministry`); none for `previous`, or when the
// open frame's speaker is already of that kind.
const std::string* claimant_of_kind(const std::vector<Frame>& frames, const ActorRegistry& actors,
                                    std::string_view kind) {
  for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
    const Actor* speaker = frame->narrative() ? nullptr : actors.find(frame->claimant);
    if (speaker != nullptr && speaker->kind == kind) {
      return frame == frames.rbegin() ? nullptr : &frame->claimant;
    }
  }
  return nullptr;
}

// Whether the mention names a body of `kind` ("the Indian Army"; not the
// adjective "Indian").
bool names_one_of_kind(const ActorRegistry& actors, const Mention& mention, std::string_view kind) {
  const Actor* named = actors.find(mention.value());
  return named != nullptr && named->kind == kind && !mention.entry->has_attribute("adjective");
}

// The last body of `kind` named before `before`.
const Mention* last_named_of_kind(const Analysis& analysis, const ActorRegistry& actors,
                                  std::uint32_t before, std::string_view kind) {
  const MentionList named = analysis.in({0, before}, "actor");
  const auto last = std::find_if(named.rbegin(), named.rend(), [&](const Mention* actor) {
    return names_one_of_kind(actors, *actor, kind);
  });
  return last != named.rend() ? *last : nullptr;
}

// The first body of `kind` named after `after`.
const Mention* first_named_of_kind(const Analysis& analysis, const ActorRegistry& actors,
                                   std::uint32_t after, std::string_view kind) {
  const auto end = static_cast<std::uint32_t>(analysis.normalized.text.size());
  const MentionList named = analysis.in({after, end}, "actor");
  const auto first = std::find_if(named.begin(), named.end(), [&](const Mention* actor) {
    return names_one_of_kind(actors, *actor, kind);
  });
  return first != named.end() ? *first : nullptr;
}

// One claimant's frame speaks for the most specific of the actors quoted in
// it: the ministry rather than the capital, the first one named when none is
// known.
void prefer_more_specific(Frame& frame, const std::string& id, const ActorRegistry& actors) {
  const Actor* now = actors.find(frame.claimant);
  const Actor* candidate = actors.find(id);
  if (frame.claimant.empty() ||
      (now != nullptr && candidate != nullptr && specificity(*candidate) > specificity(*now))) {
    frame.claimant = id;
  }
}

// Two bodies of one state (its parliament and its defence ministry) make
// claims of their own; the state, its forces, its outlets or a spokesperson
// quoted again go on with the account.
bool distinct_institutions(const ActorRegistry& actors, const std::string& one,
                           const std::string& other) {
  const Actor* first = actors.find(one);
  const Actor* second = actors.find(other);
  // A forces' press service (ISPR) speaks for a body of its own.
  const auto institution = [&](const Actor* actor) {
    if (actor == nullptr) {
      return false;
    }
    const Actor* served = actors.find(actor->party);
    return actor->kind == "ministry" || actor->kind == "government" ||
           (actor->kind == "agency" && served != nullptr && served->kind == "armed_forces");
  };
  return one != other && institution(first) && institution(second);
}

// A paragraph opening with a word that recalls an earlier report («Ранее …»).
bool recalls_earlier_statement(const Analysis& analysis, const Sentence& sentence,
                               bool same_paragraph) {
  if (same_paragraph) {
    return false;
  }
  const MentionList words = analysis.in(sentence.range, "background");
  return std::any_of(words.begin(), words.end(), [&](const Mention* word) {
    return word->entry->has_attribute("opening") &&
           analysis.words_between(sentence.range.begin, word->word.begin) == 0;
  });
}

}  // namespace

int specificity(const Actor& actor) {
  if (actor.kind == "state") {
    return 0;
  }
  if (actor.kind == "government" || actor.kind == "head_of_state") {
    return 1;
  }
  return 2;
}

std::pair<Frame, Frame> split_frame(const Frame& frame, std::size_t at, const Analysis& analysis,
                                    const ActorRegistry& actors) {
  const std::uint32_t cut = analysis.sentences[frame.sentences[at]].range.begin;
  std::pair<Frame, Frame> parts;
  const auto split = frame.sentences.begin() + static_cast<std::ptrdiff_t>(at);
  parts.first.sentences.assign(frame.sentences.begin(), split);
  parts.second.sentences.assign(split, frame.sentences.end());
  for (const Attribution& attribution : frame.attributions) {
    (attribution.trigger->range.begin < cut ? parts.first : parts.second)
        .attributions.push_back(attribution);
  }
  for (Frame* part : {&parts.first, &parts.second}) {
    for (const Attribution& attribution : part->attributions) {
      if (attribution.actor == nullptr) {
        continue;
      }
      prefer_more_specific(*part, speaking_for(actors, attribution.actor->value()), actors);
    }
    if (part->claimant.empty()) {
      part->claimant = frame.claimant;
    }
  }
  return parts;
}

Range Frame::range(const Analysis& analysis) const {
  return {analysis.sentences[sentences.front()].range.begin,
          analysis.sentences[sentences.back()].range.end};
}

namespace {

// The state of the one country a place lies in, or empty.
std::string state_where(const ActorRegistry& actors, const Gazetteer& places,
                        const Mention& place) {
  const GazetteerPlace* found = places.find(place.value());
  if (found == nullptr || found->countries.size() != 1) {
    return {};
  }
  return actors.state_of_country(found->countries.front());
}

}  // namespace

std::vector<Frame> build_frames(const Analysis& analysis, const ActorRegistry& actors,
                                const Gazetteer& places, Range body,
                                std::optional<Range> headline) {
  std::vector<Frame> frames;
  frames.reserve(analysis.sentences.size());  // a frame per sentence at most, nearly always
  std::uint32_t last_paragraph = 0;
  std::optional<std::uint32_t> paragraph_opening;  // the first sentence of the last paragraph
  // An agency's paragraph passing on the account ends the speaker's own words:
  // another body of the side quoted in the paragraph after it speaks anew.
  bool passed_on = false;
  const std::vector<ShortName> briefs = short_names(analysis, actors);
  const auto speaker_of = [&](const Mention& actor) {
    for (const ShortName& brief : briefs) {
      if (brief.brief == actor.value() && actor.range.begin >= brief.from) {
        return brief.speaker;
      }
    }
    return speaking_for(actors, actor.value());
  };
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
    if (!body.overlaps(sentence.range)) {
      continue;
    }

    const SentenceAttribution found = attribution_of(analysis, actors, sentence);
    Frame* current = frames.empty() || frames.back().headline ? nullptr : &frames.back();
    const bool same_paragraph = current != nullptr && sentence.paragraph == last_paragraph;
    // The paragraph before this one, when it opened as this one does and went
    // on with a speaker: another item of the speaker's list.
    const bool lists_on =
        !same_paragraph && current != nullptr && !current->narrative() && paragraph_opening &&
        std::find(current->sentences.begin(), current->sentences.end(), *paragraph_opening) !=
            current->sentences.end() &&
        same_opening(analysis, analysis.sentences[*paragraph_opening], sentence);
    if (!paragraph_opening || sentence.paragraph != last_paragraph) {
      paragraph_opening = index;
    }
    last_paragraph = sentence.paragraph;
    const bool after_passing_on = passed_on && !same_paragraph;
    if (!same_paragraph) {
      passed_on = false;
    }

    // "…", — передает РИА "Новости": an agency passing on the quotation of the
    // speaker before it is no speaker of its own.
    if (found.quoted && current != nullptr && !current->narrative() &&
        relays(analysis, *found.quoted)) {
      const Actor* outlet = actors.find(found.quoted->actor->value());
      if (outlet != nullptr && outlet->is_press()) {
        current->sentences.push_back(index);
        passed_on = passed_on || !same_paragraph;
        continue;
      }
    }
    if (found.quoted) {
      const std::string id = speaker_of(*found.quoted->actor);
      const std::string& party = actors.party_of(id);
      // «Ранее в командовании заявили …»: a paragraph recalling an earlier
      // statement is another statement, even of a body of the same side.
      const bool same_party = current != nullptr && !current->narrative() && !party.empty() &&
                              !after_passing_on && actors.party_of(current->claimant) == party &&
                              !distinct_institutions(actors, current->claimant, id) &&
                              !recalls_earlier_statement(analysis, sentence, same_paragraph);
      if (same_party || (current != nullptr && current->claimant == id)) {
        current->sentences.push_back(index);
        current->attributions.push_back(*found.quoted);
        prefer_more_specific(*current, id, actors);
        continue;
      }
      // "Об этом говорится в сообщении …" opening a paragraph of its own
      // quotes the paragraph before it.
      const bool opens_paragraph =
          index > 0 && analysis.sentences[index - 1].paragraph != sentence.paragraph;
      if (found.points_back && current != nullptr && current->narrative() &&
          (same_paragraph || (found.refers_back && opens_paragraph))) {
        Frame* before = frames.size() >= 2 ? &frames[frames.size() - 2] : nullptr;
        if (before != nullptr && !before->narrative() &&
            (before->claimant == id ||
             (!party.empty() && actors.party_of(before->claimant) == party))) {
          // The same speaker went on: one frame.
          fold_into_previous(frames, index, *found.quoted);
          continue;
        }
        current->claimant = id;
        current->sentences.push_back(index);
        current->attributions.push_back(*found.quoted);
        continue;
      }
      Frame frame;
      frame.claimant = id;
      frame.sentences.push_back(index);
      frame.attributions.push_back(*found.quoted);
      frames.push_back(std::move(frame));
      continue;
    }
    // "…,” a defence spokesperson said in Jammu": an official of the state
    // they speak in, when no one is named.
    if (!found.quoted && found.anaphor == nullptr && found.unnamed != nullptr) {
      const Mention* spoken_in = found.place_told_of ? nullptr : found.unnamed_place;
      if (std::string state = state_where(actors, places, *found.unnamed_place); !state.empty()) {
        // The quotation it closes began in the outlet's frame before it.
        if (current != nullptr && (current->claimant == state ||
                                   (found.points_back && current->narrative() && same_paragraph))) {
          current->claimant = state;
          current->sentences.push_back(index);
          current->attributions.push_back({found.unnamed, nullptr, spoken_in});
          continue;
        }
        Frame frame;
        frame.claimant = std::move(state);
        frame.sentences.push_back(index);
        frame.attributions.push_back({found.unnamed, nullptr, spoken_in});
        frames.push_back(std::move(frame));
        continue;
      }
    }
    // "وكانت الوزارة أوضحت" after the parliament's figures: the ministry
    // quoted before speaks again, not the body of the open frame.
    if (found.anaphor != nullptr && current != nullptr && !current->narrative()) {
      if (const std::string* earlier = claimant_of_kind(frames, actors, found.anaphor->value());
          earlier != nullptr && *earlier != current->claimant) {
        Frame frame;
        frame.claimant = *earlier;
        frame.sentences.push_back(index);
        frame.attributions.push_back({found.anaphor, nullptr});
        frames.push_back(std::move(frame));
        continue;
      }
    }
    // "Indian Army said in a statement …" in a caption, then "The Army blamed
    // Pakistan …" in the outlet's account: an anaphor of an actor kind, where
    // no one of that kind has spoken, is the body of that kind named last.
    // "Air strikes … have killed 10 civilians …, a monitor said" in a wire's
    // lead, "The Syrian Observatory for Human Rights said …" further on: an
    // anaphor pointing ahead (`ahead:<kind>`) is the body of that kind that
    // spoke before, else the first one named after it.
    if (found.anaphor != nullptr && !found.points_back && found.anaphor->value() != "previous") {
      const std::string_view value = found.anaphor->value();
      constexpr std::string_view kAhead = "ahead:";
      const bool ahead = value.starts_with(kAhead);
      const std::string_view kind = ahead ? value.substr(kAhead.size()) : value;
      const std::string* earlier = claimant_of_kind(frames, actors, kind);
      const Mention* named = nullptr;
      if (earlier == nullptr && (ahead || current == nullptr || current->narrative())) {
        named = ahead ? first_named_of_kind(analysis, actors, found.anaphor->range.end, kind)
                      : last_named_of_kind(analysis, actors, found.anaphor->range.begin, kind);
      }
      // "The ministry said …" after a sentence of the outlet's own: the
      // ministry quoted before speaks again.
      const bool speaks_again =
          earlier != nullptr && (ahead ? current == nullptr || *earlier != current->claimant
                                       : current == nullptr || current->narrative());
      if (named != nullptr || speaks_again) {
        Frame frame;
        frame.claimant = named != nullptr ? speaker_of(*named) : *earlier;
        frame.sentences.push_back(index);
        frame.attributions.push_back({found.anaphor, nullptr});
        frames.push_back(std::move(frame));
        continue;
      }
    }
    // The quotation an anaphor closes began in the outlet's frame before it:
    // those sentences are the open frame's claimant's.
    if (found.anaphor != nullptr && found.points_back && current != nullptr &&
        current->narrative() && same_paragraph && frames.size() >= 2 &&
        !frames[frames.size() - 2].narrative()) {
      fold_into_previous(frames, index, Attribution{found.anaphor, nullptr});
      continue;
    }
    // "… Armenian units subjected to fire our tractor": a sentence in the first
    // person goes on with the speaker before it, not the outlet; so does a
    // paragraph opening with "Кроме того", "Moreover".
    const bool continues = !same_paragraph && analysis.opens_with(sentence.range, "continuation");
    // "the enemy mounted six attacks" is the speaker's word for the other
    // side, not the outlet's: it goes on with the speaker too.
    const bool first_person = continues || lists_on ||
                              !analysis.in(sentence.range, "first_person").empty() ||
                              (!same_paragraph && !analysis.in(sentence.range, "enemy").empty());
    if (first_person && current != nullptr && current->narrative() && frames.size() >= 2 &&
        !frames[frames.size() - 2].narrative()) {
      // The speaker's account went on through the outlet's sentences between.
      fold_into_previous(frames, index, std::nullopt);
      continue;
    }
    // «Сообщалось о …», "It was reported that …": a report that names no one
    // and refers to no one is the outlet's, not the speaker's before it: it
    // joins no speaker's frame.
    const MentionList verbs = analysis.in(sentence.range, "attribution");
    const bool impersonal =
        found.anaphor == nullptr && found.unnamed == nullptr && !verbs.empty() &&
        std::all_of(verbs.begin(), verbs.end(),
                    [](const Mention* verb) { return verb->entry->has_attribute("impersonal"); });
    // "The equipment was damaged, but there were no injuries": a sentence that
    // tells no event, no speaker, no day and no count, only what came of the
    // act, goes on with the account before it (looked at only where it matters).
    const auto only_the_outcome = [&] {
      const auto inside = [&](const auto& found_in_text) {
        return std::any_of(found_in_text.begin(), found_in_text.end(),
                           [&](const auto& item) { return sentence.range.contains(item.begin); });
      };
      return analysis.in(sentence.range, "event").empty() &&
             (!analysis.in(sentence.range, "casualty").empty() ||
              !analysis.in(sentence.range, "casualty_none").empty() ||
              !analysis.in(sentence.range, "asset_outcome").empty()) &&
             !inside(analysis.numbers) && !inside(analysis.dates);
    };
    if (!impersonal && current != nullptr && !current->narrative() &&
        (same_paragraph || found.anaphor || first_person || only_the_outcome())) {
      current->sentences.push_back(index);
      if (found.anaphor != nullptr) {
        current->attributions.push_back({found.anaphor, nullptr});
      }
      continue;
    }
    if (current != nullptr && current->narrative() && same_paragraph) {
      current->sentences.push_back(index);
      continue;
    }
    Frame frame;
    frame.sentences.push_back(index);
    frame.impersonal = impersonal;
    frames.push_back(std::move(frame));
  }
  return frames;
}

namespace {

// Words for fighting in general ("attack", "clashes", "violation") may name
// one event twice; a strike, shelling or seizure is an event of its own.
bool generic(EventType type) {
  return type == EventType::kAttack || type == EventType::kArmedClash ||
         type == EventType::kCeasefireViolation;
}

}  // namespace

bool counted(const Analysis& analysis, const Mention& word) {
  // At most one word between: no more than a long word's bytes, which spares
  // counting the words back to every number of a long text.
  constexpr std::uint32_t kBytesOfOneWord = 128;
  // Numbers do not overlap, so they end in text order: from the word backwards.
  const auto before = analysis.numbers_in({0, word.range.begin});
  // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
  for (auto n = before.rbegin(); n != before.rend(); ++n) {
    if (n->end > word.range.begin) {
      continue;
    }
    if (word.range.begin - n->end > kBytesOfOneWord) {
      return false;
    }
    if (analysis.words_between(n->end, word.range.begin) <= 1) {
      return true;
    }
  }
  return false;
}

namespace {

bool observes(const Analysis& analysis, Range sentence, const Mention& trigger) {
  if (trigger.entry->has_attribute("observation")) {
    return true;
  }
  const MentionList verbs = analysis.in({trigger.range.end, sentence.end}, "attribution");
  return !verbs.empty() && verbs.front()->entry->has_attribute("observation") &&
         analysis.words_between(trigger.range.end, verbs.front()->range.begin) <= 1;
}

}  // namespace

bool dates_the_speaking(const Analysis& analysis, const std::vector<Attribution>& attributions,
                        Range sentence, const DateMention& date, bool before_the_verb) {
  for (const Attribution& attribution : attributions) {
    const Mention& trigger = *attribution.trigger;
    if (!sentence.contains(trigger.range.begin)) {
      continue;
    }
    // "In the previous 24 hours, it recorded …": a monitor's verb of seeing
    // (or a speaker referred to again right before one) is dated by what it saw.
    if (date.end <= trigger.range.begin && observes(analysis, sentence, trigger)) {
      continue;
    }
    if (date.end <= trigger.range.begin) {
      // "On Tuesday, the ministry said"; not "shelled Kansafra this morning,
      // SOHR said", where the day follows the act it dates.
      if (before_the_verb && analysis.in({date.end, trigger.range.begin}, "event").empty() &&
          analysis.in({sentence.begin, date.begin}, "event").empty()) {
        return true;
      }
      continue;
    }
    if (date.begin < trigger.range.end) {
      continue;
    }
    std::uint32_t words = analysis.words_between(trigger.range.end, date.begin);
    if (attribution.actor != nullptr && attribution.actor->range.begin >= trigger.range.end &&
        attribution.actor->range.end <= date.begin) {
      words -= std::min(words, analysis.words_between(attribution.actor->range.begin,
                                                      attribution.actor->range.end));
    }
    if (words <= 1 && analysis.in({trigger.range.end, date.begin}, "complementizer").empty()) {
      return true;
    }
  }
  return false;
}

bool tells_how_things_stood(const Analysis& analysis, const DateMention& date) {
  const MentionList until =
      analysis.in({date.begin > 48 ? date.begin - 48 : 0, date.begin}, "as_of");
  return std::any_of(until.begin(), until.end(), [&](const Mention* marker) {
    return marker->range.end <= date.begin &&
           analysis.words_between(marker->range.end, date.begin) <= 1;
  });
}

bool runs_on_since(const Analysis& analysis, const DateMention& date) {
  if (date.basis != DateBasis::kStated || date.time.precision != TimePrecision::kDay) {
    return false;
  }
  const MentionList since =
      analysis.in({date.begin > 48 ? date.begin - 48 : 0, date.begin}, "ongoing_since");
  return std::any_of(since.begin(), since.end(), [&](const Mention* marker) {
    return marker->range.end <= date.begin &&
           analysis.words_between(marker->range.end, date.begin) == 0;
  });
}

namespace {

// A word telling that what follows is one more of the same ("также", "also",
// «كما» opening the sentence).
bool tells_one_more(const Analysis& analysis, const Sentence& sentence) {
  // "Moreover, …", «Кроме того, …»: a sentence that opens by adding to the account.
  if (analysis.opens_with(sentence.range, "continuation")) {
    return true;
  }
  const MentionList words = analysis.in(sentence.range, "one_more");
  return std::any_of(words.begin(), words.end(), [&](const Mention* word) {
    return !word->entry->has_attribute("opening") ||
           analysis.words_between(sentence.range.begin, word->range.begin) == 0;
  });
}

// Whether every event word of the sentence, and it has one, is denied: a
// negation at most two words before it in its clause ("не наносила удары").
bool denies_its_acts(const Analysis& analysis, const Sentence& sentence,
                     const std::vector<Range>& excluded) {
  bool any = false;
  for (const Mention* event : analysis.in(sentence.range, "event")) {
    if (set_aside_by(excluded, analysis, "event", *event) || inside_a_name(analysis, *event)) {
      continue;
    }
    const Range clause = analysis.clause_of(sentence, event->range.begin);
    const MentionList negations = analysis.in({clause.begin, event->word.begin}, "negation");
    const bool denied = std::any_of(negations.begin(), negations.end(), [&](const Mention* word) {
      return word->range.end <= event->word.begin &&
             analysis.words_between(word->range.end, event->word.begin) <= 2;
    });
    if (!denied) {
      return false;
    }
    any = true;
  }
  return any;
}

// The party whose act the sentence's event word tells, as its words say: an
// actor right after an agent word ("by", «со стороны», «من قبل»), else the
// actor that stands right before the event word in its clause, its subject (not
// an adjective, not whose positions were hit). Empty when the words say none.
std::string agent_party(const Analysis& analysis, const ActorRegistry& actors,
                        const Sentence& sentence, const Mention& event) {
  const auto party = [&](const Mention& actor) { return actors.party_of(actor.value()); };
  for (const Mention* marker : analysis.in(sentence.range, "agent_marker")) {
    for (const Mention* actor : analysis.in({marker->range.end, sentence.range.end}, "actor")) {
      if (analysis.words_between(marker->range.end, actor->word.begin) <= 1) {
        return party(*actor);
      }
      break;
    }
  }
  const Range clause = analysis.clause_of(sentence, event.range.begin);
  const Mention* subject = nullptr;
  for (const Mention* actor : analysis.in({clause.begin, event.range.begin}, "actor")) {
    const MentionList assets = analysis.in({clause.begin, actor->word.begin}, "asset");
    const bool owner =
        !assets.empty() && analysis.words_between(assets.back()->range.end, actor->word.begin) <= 2;
    // "The ministry reported shelling": the speaker, not the subject of the act.
    const bool speaks = !analysis.in({actor->word.end, event.range.begin}, "attribution").empty();
    if (!actor->entry->has_attribute("adjective") && !owner && !speaks &&
        analysis.words_between(actor->word.end, event.word.begin) <= 2) {
      subject = actor;
    }
  }
  return subject != nullptr ? party(*subject) : std::string();
}

}  // namespace

std::vector<Frame> split_by_event(std::vector<Frame> frames, const Analysis& analysis,
                                  const Gazetteer& places, const ActorRegistry& actors,
                                  const std::vector<Range>& excluded, const DateMention* report_day,
                                  const std::optional<CivilTime>& published, int recency_days) {
  // The first event a sentence names outside excluded ranges (agreement
  // references and the like), if any.
  // A general word for fighting gives way to a specific one of the same
  // sentence ("launched an operation ... and took the hill").
  const auto first_event = [&](std::uint32_t index) -> const Mention* {
    const Mention* first = nullptr;
    for (const Mention* event : analysis.in(analysis.sentences[index].range, "event")) {
      if (set_aside_by(excluded, analysis, "event", *event) || inside_a_name(analysis, *event)) {
        continue;
      }
      const auto type = parse_event_type(event->value());
      if (!type) {
        continue;
      }
      if (first == nullptr) {
        first = event;
        if (!generic(*type)) {
          return first;
        }
      } else if (specific_violence(*type)) {
        return event;
      }
    }
    return first;
  };
  // The first date a sentence gives for what it tells, of a day only or of
  // any precision: not one inside an excluded range, nor one that dates the
  // statement, nor how things stood "as of" or "until" then.
  const auto date_told = [&](const Frame& frame, Range sentence,
                             bool of_a_day) -> const DateMention* {
    const auto from =
        std::lower_bound(analysis.dates.begin(), analysis.dates.end(), sentence.begin,
                         [](const DateMention& date, std::uint32_t at) { return date.begin < at; });
    for (auto date = from; date != analysis.dates.end() && date->begin < sentence.end; ++date) {
      if (!date->resolved ||
          (of_a_day && date->time.precision != TimePrecision::kDay &&
           date->time.precision != TimePrecision::kSpan) ||
          dates_the_speaking(analysis, frame.attributions, sentence, *date, true) ||
          std::any_of(excluded.begin(), excluded.end(),
                      [&](const Range& out) { return out.contains(date->begin); }) ||
          tells_how_things_stood(analysis, *date)) {
        continue;
      }
      return &*date;
    }
    return nullptr;
  };
  const auto day_of = [&](const Frame& frame, Range sentence) {
    return date_told(frame, sentence, true);
  };
  // Whether the sentence dates what it tells (a day, a month or a year) more
  // than `recency_days` before publication.
  const auto told_in_the_past = [&](const Frame& frame, Range sentence) {
    const DateMention* date = published ? date_told(frame, sentence, false) : nullptr;
    return date != nullptr &&
           (std::chrono::sys_days(published->date) - std::chrono::sys_days(date->time.start.date))
                   .count() > recency_days;
  };
  // The day the sentence says its speaker spoke ("SOHR said yesterday").
  const auto spoken_on = [&](const Frame& frame, Range sentence) -> const DateMention* {
    for (const DateMention& date : analysis.dates) {
      if (sentence.contains(date.begin) && date.resolved &&
          dates_the_speaking(analysis, frame.attributions, sentence, date, true)) {
        return &date;
      }
    }
    return nullptr;
  };
  std::vector<Frame> result;
  result.reserve(frames.size());  // splits are rare; growing moved every frame
  for (Frame& frame : frames) {
    // The outlet's own account is split only where it tells one more act
    // elsewhere («…، كما جرحت امرأة بقصف مماثل طال قرية كفرومة»).
    const bool narrative = frame.narrative();
    if (frame.headline || frame.sentences.size() < 2) {
      result.push_back(std::move(frame));
      continue;
    }
    Frame current;
    current.claimant = frame.claimant;
    current.impersonal = frame.impersonal;
    EventType event = EventType::kOther;         // kOther: none yet
    const Mention* violation_word = nullptr;     // the word of `event`
    std::vector<std::string_view> named_before;  // in the current claim's sentences
    bool told_figures = false;                   // a casualty word in its sentences
    const DateMention* claim_day = nullptr;      // the first day its sentences give
    std::string claim_agent;                     // whose act its words say it tells
    std::uint32_t paragraph = analysis.sentences[frame.sentences.front()].paragraph;
    bool after_denial = false;       // the sentence before only denied acts
    bool claim_in_the_past = false;  // a sentence of its dates the past
    for (std::uint32_t index : frame.sentences) {
      const Mention* first = first_event(index);
      std::optional<EventType> next;
      if (first != nullptr) {
        next = parse_event_type(first->value());
      }
      // The claimant's side answering fire ("responded to the firing") is an
      // act of its own, with the other perpetrator.
      const bool response =
          first != nullptr && first->entry->has_attribute("response") && event != EventType::kOther;
      const Sentence& sentence = analysis.sentences[index];
      const bool new_paragraph = sentence.paragraph != paragraph;
      paragraph = sentence.paragraph;
      // A new paragraph that names another specific event (a strike after an
      // attack, a seizure after a strike) starts another claim of the same
      // claimant.
      const bool known = next && event != EventType::kOther;
      // Figures told before any event word ("Armenia reported one dead, 13
      // captured") are of fighting: a truce or talks in a new paragraph are
      // another claim.
      const bool after_figures = next && event == EventType::kOther && new_paragraph &&
                                 told_figures && group_of(*next) != EventGroup::kViolence &&
                                 group_of(*next) != EventGroup::kNone;
      const bool other_group = (known && group_of(*next) != group_of(event)) || after_figures;
      // A violation alleged without a count ("a ceasefire violation was
      // recorded") is detailed by the act told next, not followed by another.
      const bool details_violation =
          event == EventType::kCeasefireViolation && violation_word != nullptr &&
          !counted(analysis, *violation_word) && next && group_of(*next) == EventGroup::kViolence;
      // "из-за продолжающегося обстрела", "the ongoing shelling": the fire
      // told before goes on, it is no new event (looked up only where it matters).
      const bool other_event = known && *next != event && new_paragraph &&
                               group_of(*next) != EventGroup::kNone &&
                               !(generic(*next) && generic(event)) && !details_violation &&
                               !told_as_going_on(analysis, *first);
      // In the same paragraph, a sentence that tells another specific act
      // with a toll of its own ("…снайперского обстрела …, ранен один
      // военнослужащий. В результате обстрела из РСЗО …, ранено двое") is
      // another claim, once the claim so far has told a toll.
      const bool tells_casualties = !analysis.in(sentence.range, "casualty").empty();
      const bool other_act_with_toll = known && !new_paragraph && told_figures &&
                                       specific_violence(*next) && specific_violence(event) &&
                                       *next != event && !details_violation && tells_casualties &&
                                       !told_as_going_on(analysis, *first);
      // «وتابع قائلا أن الانفصاليين قصفوا …», "He added that …": another
      // specific act the speaker tells anew in the paragraph is another claim.
      const auto said_anew = [&] {
        return analysis.opens_with(sentence.range, "attribution") ||
               std::any_of(frame.attributions.begin(), frame.attributions.end(),
                           [&](const Attribution& said) {
                             return sentence.range.contains(said.trigger->range.begin);
                           });
      };
      const bool other_act_said_anew = known && !new_paragraph && specific_violence(*next) &&
                                       specific_violence(event) && *next != event &&
                                       !details_violation && said_anew() &&
                                       !told_as_going_on(analysis, *first);
      // A new paragraph telling an event in places the claim has not named
      // (a report's next region) is another claim too.
      // A capital standing for its state ("under Baku's control") is an
      // actor, not where something happened.
      std::vector<std::string_view> named;
      const MentionList actor_names = analysis.in(sentence.range, "actor");
      for (const Mention* place : analysis.in(sentence.range, "place")) {
        if (std::none_of(actor_names.begin(), actor_names.end(), [&](const Mention* actor) {
              return actor->range.overlaps(place->range);
            })) {
          named.push_back(place->value());
        }
      }
      // "in Nagorno-Karabakh" and then "in the Mardakert district" are one
      // place; so are "the outskirts of Horlivka" and Zaitseve, a village beside it.
      const auto related = [&](std::string_view place) {
        return std::any_of(named_before.begin(), named_before.end(), [&](std::string_view before) {
          return place == before || places.within(place, before) || places.within(before, place) ||
                 places.nearby(place, before);
        });
      };
      // "six shellings" and then, uncounted, where "the shelling" hit: the
      // places of the events counted before, not another claim.
      const bool details_counted = next && *next == event && violation_word != nullptr &&
                                   counted(analysis, *violation_word) && !counted(analysis, *first);
      // «…قرية العزيزية» and then «مدينة السقيلبية بريف حماة»: a village apart
      // from the villages named before is elsewhere, though the province
      // around both is named with it.
      const auto settlement = [&](std::string_view id) {
        const GazetteerPlace* place = places.find(id);
        return place != nullptr && place->type == "settlement";
      };
      const auto near_a_settlement_before = [&](std::string_view place) {
        return std::any_of(named_before.begin(), named_before.end(), [&](std::string_view before) {
          return settlement(before) &&
                 (place == before || places.within(place, before) || places.within(before, place) ||
                  places.nearby(place, before));
        });
      };
      const auto unrelated_settlement = [&] {
        return std::any_of(named_before.begin(), named_before.end(), settlement) &&
               std::any_of(named.begin(), named.end(), settlement) &&
               std::none_of(named.begin(), named.end(), [&](std::string_view place) {
                 return settlement(place) && near_a_settlement_before(place);
               });
      };
      const bool elsewhere =
          next && new_paragraph && !named_before.empty() && !named.empty() && !details_counted &&
          (std::none_of(named.begin(), named.end(), related) || unrelated_settlement());
      // "Во вторник … подверглась также Попасная": an act told as one more,
      // in a place apart from those named (not one of them nor a region
      // around one; inside the region told before or near a village counts
      // as apart; so does a village apart from the villages before, though
      // the province around both is named again), is another claim in the
      // paragraph too.
      const auto same_or_around = [&](std::string_view place) {
        return std::any_of(named_before.begin(), named_before.end(), [&](std::string_view before) {
          return place == before || places.within(before, place);
        });
      };
      // «Кроме того, в Станице Луганской … прямого попадания», "In addition,
      // …": a paragraph that opens by adding to the account and tells an act
      // tells another one.
      const bool added_act = next && new_paragraph && group_of(*next) == EventGroup::kViolence &&
                             !details_counted && !details_violation &&
                             analysis.opens_with(sentence.range, "continuation");
      // The other side's act told by the same speaker ("Azerbaijan launched an
      // operation …. A soldier was killed in a terrorist act of the Armenian
      // forces") is another claim.
      const std::string agent = !narrative && next && group_of(*next) == EventGroup::kViolence
                                    ? agent_party(analysis, actors, sentence, *first)
                                    : std::string();
      const bool other_side =
          !claim_agent.empty() && !agent.empty() && agent != claim_agent && !response;
      const bool one_more_elsewhere =
          next && !new_paragraph && group_of(*next) == EventGroup::kViolence &&
          !named_before.empty() && !named.empty() && !details_counted &&
          tells_one_more(analysis, sentence) &&
          (std::none_of(named.begin(), named.end(), same_or_around) || unrelated_settlement());
      // "In the previous 24 hours, it recorded 11 ceasefire violations": an
      // event on another day than the claim's is another claim.
      // Looked up only where it can matter: an event's sentence, or the claim's first day.
      const DateMention* day =
          !narrative && (next || claim_day == nullptr) ? day_of(frame, sentence.range) : nullptr;
      // A claim or a sentence that gives no day of its own is of the report's day.
      const DateMention* current_day =
          claim_day != nullptr ? claim_day : (event != EventType::kOther ? report_day : nullptr);
      const DateMention* sentence_day = day != nullptr ? day : (narrative ? nullptr : report_day);
      // "… this morning, SOHR said. / SOHR said yesterday that …": what was
      // said the day before tells no act of this day.
      const DateMention* spoken = next && !narrative && day == nullptr && current_day != nullptr
                                      ? spoken_on(frame, sentence.range)
                                      : nullptr;
      // "… said on Tuesday that Armenian forces had shelled its positions. In
      // April 2016, four days of fighting killed about 200 people": a day of
      // the past after an act the claim gives no day for is another event.
      // So is a sentence of the past with no event word ("The two countries
      // fought a war in autumn 2020 that killed more than 6,500 people").
      const bool in_the_past = current_day == nullptr && told_in_the_past(frame, sentence.range);
      const bool past_after_an_act = event != EventType::kOther && in_the_past;
      // "Armenia and Azerbaijan fought a war in 2020 that killed 6,500 people.
      // On Tuesday, Azerbaijani forces shelled Jermuk, the ministry said": an
      // act on a day of its own after the past is another event too.
      const bool act_after_the_past = next && day != nullptr && claim_in_the_past && !in_the_past;
      const bool another_day =
          past_after_an_act || act_after_the_past ||
          (next && current_day != nullptr &&
           ((sentence_day != nullptr && days_apart(sentence_day->time, current_day->time)) ||
            (spoken != nullptr && spoken->time.end.date < current_day->time.start.date)));
      // "В ведомстве уточнили, что авиация РФ не наносила удары в районе …,
      // где погибли военные Турции": a sentence that only denies acts tells
      // no act of the claim before it; its actors and its dead are not that
      // claim's, nor is what follows it.
      const bool denies = denies_its_acts(analysis, sentence, excluded);
      const bool contrasted_act = known && sentence.contrasted_act;
      const bool splits = denies || after_denial || contrasted_act ||
                          (narrative ? one_more_elsewhere || other_group
                                     : other_group || other_event || other_act_with_toll ||
                                           other_act_said_anew || elsewhere || one_more_elsewhere ||
                                           added_act || response || another_day || other_side);
      after_denial = denies;
      if (!current.sentences.empty() && splits) {
        result.push_back(std::move(current));
        current = Frame{};
        current.claimant = frame.claimant;
        current.impersonal = frame.impersonal;
        event = EventType::kOther;
        violation_word = nullptr;
        named_before.clear();
        told_figures = false;
        claim_day = nullptr;
        claim_agent.clear();
        claim_in_the_past = false;
      }
      claim_in_the_past = claim_in_the_past || in_the_past;
      if (claim_day == nullptr) {
        claim_day = day;
      }
      if (claim_agent.empty()) {
        claim_agent = agent;
      }
      named_before.insert(named_before.end(), named.begin(), named.end());
      told_figures = told_figures || tells_casualties;
      if (event == EventType::kOther && next && group_of(*next) != EventGroup::kNone) {
        event = *next;
        violation_word = first;
      }
      current.sentences.push_back(index);
      for (const Attribution& attribution : frame.attributions) {
        if (sentence.range.contains(attribution.trigger->range.begin)) {
          current.attributions.push_back(attribution);
        }
      }
      if (current.attributions.empty() && !frame.attributions.empty()) {
        current.attributions.push_back(frame.attributions.front());
      }
    }
    result.push_back(std::move(current));
  }
  return result;
}

}  // namespace truce::extract::detail
