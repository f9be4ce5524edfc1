#include "extract/detail/assemble.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "core/vocabulary.hpp"

namespace truce::extract::detail {

// The state the document names most often besides `own` (defined below).
std::string opponent_of(const DocumentContext& context, std::string_view own);

namespace {

constexpr std::uint32_t kNearWords = 4;
// What a number counts when it is no persons.
constexpr std::array<Category, 2> kCountedThings{"count_noun", "asset"};
// What a word between an actor and a verb may not be for the actor to be the verb's subject.
constexpr std::array<Category, 5> kNamingCategories{"person", "actor", "event", "casualty",
                                                    "place"};

// Counts one more of `key` in `counts`, kept in order of first count (a few
// keys a text: a vector searched in order beats a map).
template <typename Key, typename Count>
void tally(std::vector<std::pair<Key, Count>>& counts, const Key& key) {
  const auto found = std::find_if(counts.begin(), counts.end(),
                                  [&](const auto& count) { return count.first == key; });
  if (found == counts.end()) {
    counts.emplace_back(key, 1);
  } else {
    ++found->second;
  }
}

// Mentions FrameView::all found: a view into the analysis's list of the
// category, or into `owned` when they are not one run of it.
struct FoundMentions {
  FoundMentions() = default;
  FoundMentions(const FoundMentions&) = delete;
  FoundMentions& operator=(const FoundMentions&) = delete;
  FoundMentions(FoundMentions&& other) noexcept : list(other.list), owned(std::move(other.owned)) {
    if (!owned.empty()) {
      list = owned;  // the vector's buffer moved with it; re-pointed all the same
    }
  }
  FoundMentions& operator=(FoundMentions&&) = delete;
  ~FoundMentions() = default;

  MentionList list;
  std::vector<const Mention*> owned;

  auto begin() const { return list.begin(); }
  auto end() const { return list.end(); }
  std::size_t size() const { return list.size(); }
  bool empty() const { return list.empty(); }
  const Mention* front() const { return list.front(); }
  const Mention* operator[](std::size_t index) const { return list[index]; }
};

struct FrameView {
  const Frame& frame;
  const DocumentContext& context;
  const Analysis& analysis;
  std::vector<Range> sentence_ranges;

  bool excluded(Range range) const { return overlaps_any(context.excluded, range); }

  bool set_aside(Category category, const Mention& mention) const {
    return set_aside_by(context.excluded, analysis, category, mention);
  }

  // The frame's mentions of one category, sentence by sentence. Mostly they are
  // one run of the category's list (one sentence, or sentences in order with
  // nothing excluded): then a view of it, else a list of their own.
  FoundMentions all(Category category) const {
    FoundMentions found;
    const MentionList of_category = analysis.all_of(category);
    if (of_category.empty()) {
      return found;
    }
    MentionList run;
    bool one_run = true;
    for (const Range& sentence : sentence_ranges) {
      const MentionList part = analysis.within(of_category, sentence);
      if (part.empty()) {
        continue;
      }
      for (const Mention* mention : part) {
        if (set_aside(category, *mention)) {
          one_run = false;
          break;
        }
      }
      if (run.empty()) {
        run = part;
      } else if (run.data() + run.size() == part.data()) {
        run = MentionList(run.data(), run.size() + part.size());
      } else {
        one_run = false;
      }
      if (!one_run) {
        break;
      }
    }
    if (one_run) {
      found.list = run;
      return found;
    }
    for (const Range& sentence : sentence_ranges) {
      for (const Mention* mention : analysis.within(of_category, sentence)) {
        if (!set_aside(category, *mention)) {
          found.owned.push_back(mention);
        }
      }
    }
    found.list = found.owned;
    return found;
  }

  const Sentence& sentence_of(std::uint32_t offset) const {
    for (std::uint32_t index : frame.sentences) {
      if (analysis.sentences[index].range.contains(offset)) {
        return analysis.sentences[index];
      }
    }
    // A word the frame points back to ("in this direction") is in another.
    for (const Sentence& sentence : analysis.sentences) {
      if (sentence.range.contains(offset)) {
        return sentence;
      }
    }
    return analysis.sentences[frame.sentences.front()];
  }

  Range clause_of(std::uint32_t offset) const {
    return analysis.clause_of(sentence_of(offset), offset);
  }

  std::uint32_t distance(Range a, Range b) const {
    return a.end <= b.begin ? analysis.words_between(a.end, b.begin)
                            : analysis.words_between(b.end, a.begin);
  }
};

// A claim has a dozen fields with provenance or more: room for them is made
// at the first, and each entry is made in place (growing the list one by one
// moved every entry's name and spans each time).
constexpr std::size_t kProvenanceFields = 12;

void add_provenance(Claim& claim, std::string_view field, const Analysis& analysis,
                    std::initializer_list<Range> ranges) {
  FieldProvenance* entry = nullptr;
  for (FieldProvenance& existing : claim.provenance) {
    if (existing.field == field) {
      entry = &existing;
    }
  }
  if (entry == nullptr) {
    if (claim.provenance.empty()) {
      claim.provenance.reserve(kProvenanceFields);
    }
    entry = &claim.provenance.emplace_back();
    entry->field = field;
  }
  for (Range range : ranges) {
    if (range.end <= range.begin) {
      continue;
    }
    const TextSpan span = analysis.span(range);
    if (std::find(entry->spans.begin(), entry->spans.end(), span) == entry->spans.end()) {
      entry->spans.push_back(span);
    }
  }
  std::sort(entry->spans.begin(), entry->spans.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.start < b.start; });
}

ActorRef actor_ref(const ActorRegistry& actors, std::string_view id) {
  if (const Actor* actor = actors.find(id)) {
    return {actor->id, actor->name};
  }
  return {std::string(id), std::string(id)};
}

// The first number of the text that starts at or after `offset` (the numbers
// are in text order), or null.
const NumberMention* first_number_from(const Analysis& analysis, std::uint32_t offset) {
  const auto from = analysis.numbers_in({offset, std::numeric_limits<std::uint32_t>::max()});
  return from.empty() ? nullptr : &from.front();
}

// The party (state) an actor mention stands for.
std::string party_of_mention(const ActorRegistry& actors, const Mention& mention) {
  const std::string& party = actors.party_of(mention.value());
  return party.empty() ? std::string(mention.value()) : party;
}

bool is_party(const ActorRegistry& actors, std::string_view id) {
  const Actor* actor = actors.find(id);
  return actor != nullptr && actor->kind == "state";
}

// Monitors, outlets, agencies and international organisations watch, report
// and mediate: "an explosion occurred near the SMM" names no attacker.
bool observer(const ActorRegistry& actors, const Mention& mention) {
  const Actor* actor = actors.find(mention.value());
  if (actor == nullptr) {
    return false;
  }
  static constexpr std::string_view kObserverKinds[] = {"mission", "monitoring_centre",
                                                        "organisation", "outlet", "agency"};
  return std::find(std::begin(kObserverKinds), std::end(kObserverKinds), actor->kind) !=
         std::end(kObserverKinds);
}

bool negated_before(const FrameView& view, const Mention& mention, Category category,
                    std::uint32_t max_words) {
  const Range clause = view.clause_of(mention.range.begin);
  for (const Mention* marker : view.analysis.in(clause, category)) {
    if (marker->range.end <= mention.word.begin &&
        view.analysis.words_between(marker->range.end, mention.word.begin) <= max_words) {
      return true;
    }
  }
  return false;
}

// A target word at most a word before the actor ("fire on the positions of X"),
// not one of a date («в ночь на вторник ВСУ обстреляли …»).
bool targeted(const FrameView& view, const Mention& actor) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(actor.range.begin);
  for (const Mention* marker : analysis.in(clause, "target_marker")) {
    if (marker->range.end > actor.word.begin ||
        analysis.words_between(marker->range.end, actor.word.begin) > 1) {
      continue;
    }
    // Dates do not overlap: only the last to begin at or before the marker can hold it.
    const auto before = analysis.dates_in({0, marker->range.begin + 1});
    const bool in_a_date = !before.empty() && marker->range.end <= before.back().end;
    if (!in_a_date) {
      return true;
    }
  }
  return false;
}

// A claimant reports as a third party (a mediator's ministry, a monitor) when
// its own state appears nowhere in the account but as the speaker, and no
// "our"/"its" soldiers are counted.
bool draft_is_third_party(const FrameView& view, const std::string& claimant_party) {
  int mentions = 0;
  for (const Mention* actor : view.all("actor")) {
    if (party_of_mention(view.context.actors, *actor) == claimant_party) {
      ++mentions;
    }
  }
  for (const Mention* person : view.all("person")) {
    if (person->entry->has_attribute("own")) {
      return false;
    }
  }
  // One mention is the claimant itself.
  return mentions <= static_cast<int>(view.frame.attributions.size() > 0 ? 1 : 0) &&
         view.context.actors.find(claimant_party) != nullptr && !view.frame.attributions.empty();
}

// A weapon of the air (aircraft, a drone) just after the event word, in its
// clause: who carried it out ("shelling by drones", «قصف سابق نفّذته طائرات
// حربية»), not an observer's drone before it ("a mini-UAV spotted houses
// burned by shelling").
const Mention* aircraft_of(const FrameView& view, const Mention& event) {
  constexpr std::uint32_t kWordsToTheCarrier = 3;
  const Range clause = view.clause_of(event.range.begin);
  for (const Mention* weapon : view.analysis.in({event.range.end, clause.end}, "weapon")) {
    if ((weapon->value() == "aircraft" || weapon->value() == "drone") &&
        view.analysis.words_between(event.range.end, weapon->range.begin) <= kWordsToTheCarrier) {
      return weapon;
    }
  }
  return nullptr;
}

const Mention* choose_event(const FrameView& view, const std::vector<const Mention*>& events) {
  // The first event after the attribution in its sentence: what was said.
  if (!view.frame.attributions.empty()) {
    const Mention* trigger = view.frame.attributions.front().trigger;
    const Range sentence = view.sentence_of(trigger->range.begin).range;
    for (const Mention* event : events) {
      if (sentence.contains(event->range.begin) && event->range.begin >= trigger->range.end) {
        return event;
      }
    }
  }
  return events.empty() ? nullptr : events.front();
}

std::optional<EventType> event_type_of(const Mention& mention) {
  return parse_event_type(mention.value());
}

struct Figure {
  CasualtyFigure figure;
  std::vector<Range> ranges;
  bool counted = true;    // false: "killed their soldiers", some of them
  bool fighters = false;  // the persons are named as such ("soldiers")
  bool unnamed = false;  // no word names the persons ("four were hurt", «пострадавших»)
};

// Whether the one word between `from` and `to` is an `owner_link` ("of", «من»).
bool linked_owner(const Analysis& analysis, std::uint32_t from, std::uint32_t to) {
  const MentionList links = analysis.in({from, to}, "owner_link");
  return analysis.words_between(from, to) == 1 && !links.empty() &&
         analysis.words_between(from, links.front()->word.begin) == 0;
}

// Whether the actor names whose the counted persons are: inside their words
// («двое азербайджанских военнослужащих») or right after them («двое
// военнослужащих Азербайджана», an `owner_link` between: "two soldiers of
// Azerbaijan", «5 عناصر من قوات النظام»); not after another word between
// ("civilians in regime shelling", «مدنيين بقصف قوات النظام»).
bool owns_the_counted(const FrameView& view, const Mention& actor,
                      const std::vector<Figure>& figures) {
  const Analysis& analysis = view.analysis;
  for (const Figure& figure : figures) {
    for (const Range& words : figure.ranges) {
      if (analysis.in(words, "person").empty()) {
        continue;  // a count or a status word, not the persons
      }
      if (words.overlaps(actor.range) ||
          (words.end <= actor.range.begin &&
           (analysis.words_between(words.end, actor.range.begin) == 0 ||
            linked_owner(analysis, words.end, actor.range.begin)) &&
           view.clause_of(words.begin).contains(actor.range.begin))) {
        return true;
      }
    }
  }
  return false;
}

// Whether the word ending at `end` bears the possessive mark, in it or right
// after it ("troops'", "army's"; typographic apostrophes are folded to ' for
// matching).
bool possessive(std::string_view text, std::uint32_t end) {
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  if ((end >= 1 && text[end - 1] == '\'') ||
      (end >= 2 && text[end - 2] == '\'' && text[end - 1] == 's')) {
    return true;
  }
  if (end >= text.size() || text[end] != '\'') {
    return false;
  }
  std::size_t next = end + 1;
  if (next < text.size() && text[next] == 's') {
    ++next;
  }
  return next >= text.size() || std::isalnum(static_cast<unsigned char>(text[next])) == 0;
}

std::optional<Side> side_for_party(const ActorRegistry& actors, const std::string& party) {
  if (party.empty()) {
    return std::nullopt;
  }
  Side side;
  side.kind = SideKind::kCombatants;
  side.party = actor_ref(actors, party);
  return side;
}

// Casualty figures: a status word, the count nearest to it in its clause, the
// persons counted, and whose they are.
// "two soldiers were martyred and four others were injured": a count after a
// status word, with its own persons and status after it, counts those.
bool counts_what_follows(const FrameView& view, const Mention& status, const NumberMention& number,
                         const FoundMentions& statuses) {
  const Analysis& analysis = view.analysis;
  // Right after its status word the count is that status's ("مقتل أربعة من
  // جنودها وإصابة آخر", "killing two soldiers").
  if (number.begin < status.range.end ||
      analysis.words_between(status.range.end, number.begin) == 0) {
    return false;
  }
  const Range clause = view.clause_of(number.begin);
  const Mention* noun = nullptr;
  for (const Category category : std::initializer_list<Category>{"person", "others"}) {
    for (const Mention* candidate : analysis.in({number.end, clause.end}, category)) {
      if (analysis.words_between(number.end, candidate->range.begin) <= 2 &&
          (noun == nullptr || candidate->range.begin < noun->range.begin)) {
        noun = candidate;
      }
    }
  }
  // "A soldier was killed and two were wounded": with no noun, a status of its
  // own just after the count.
  const std::uint32_t after = noun != nullptr ? noun->range.end : number.end;
  return std::any_of(statuses.begin(), statuses.end(), [&](const Mention* next) {
    return next != &status && next->range.begin >= after && clause.contains(next->range.begin) &&
           analysis.words_between(after, next->range.begin) <= 2;
  });
}

constexpr std::uint32_t kCountNounReach = 4;  // bytes: a space, a bracket, a quotation mark

// How many of the wounded told before died, by the count the words of their
// death give: «وإصابة تسعة آخرين ما لبث أن توفي أحدهم متأثراً بجروحه», "one died
// of his wounds" (a count beside the words that no other status word reads), "nine were wounded;
// one of them died of his wounds", «один из них скончался» (a count a partitive word follows,
// whatever status the words of the death hold). Null otherwise; `counted_beside` tells whether a
// count stood beside the words at all
// ("ещё один скончался": a toll of its own).
const NumberMention* dead_of_the_wounded(const FrameView& view, const Mention& death,
                                         bool& counted_beside) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(death.range.begin);
  const MentionList statuses = analysis.in(clause, "casualty");
  counted_beside = false;
  for (const NumberMention& number : analysis.numbers_in(clause)) {
    const Range figure{number.begin, number.end};
    // "one of them died of his wounds"; «скончался один из них».
    const auto partitive_right_after = [&](std::uint32_t limit) -> const Mention* {
      const MentionList partitives = analysis.in({number.end, limit}, "partitive");
      return !partitives.empty() &&
                     analysis.words_between(number.end, partitives.front()->range.begin) == 0
                 ? partitives.front()
                 : nullptr;
    };
    if (number.end <= death.range.begin) {
      const Mention* partitive = partitive_right_after(death.range.begin);
      if (partitive != nullptr &&
          analysis.words_between(partitive->range.end, death.range.begin) <= 1) {
        return &number;
      }
    } else if (analysis.words_between(death.range.end, number.begin) <= 1 &&
               partitive_right_after(clause.end) != nullptr) {
      return &number;
    }
    const bool beside = number.end <= death.range.begin
                            ? analysis.words_between(number.end, death.range.begin) <= 1
                            : analysis.words_between(death.range.end, number.begin) <= 1;
    if (!beside) {
      continue;
    }
    counted_beside = true;
    // A status word the words of the death hold and say more than ("died"
    // of "died of his wounds"; not «скончался», which is both) reads nothing.
    const auto of_the_death = [&](const Mention* status) {
      return death.word.begin <= status->word.begin && status->word.end <= death.word.end &&
             !(status->word.begin == death.word.begin && status->word.end == death.word.end);
    };
    if (std::none_of(statuses.begin(), statuses.end(), [&](const Mention* status) {
          return !of_the_death(status) && view.distance(status->word, figure) <= 1;
        })) {
      return &number;
    }
    return nullptr;
  }
  return nullptr;
}

// "the death toll from Monday's shelling rose to seven", «число погибших
// выросло до семи», «ارتفعت حصيلة القتلى إلى سبعة»: with a rise of a figure
// (`figure_rise`) in the status word's clause, before or after it, the first
// count after both, with no other status word between, is the status's.
const NumberMention* count_of_a_rise(const FrameView& view, const Mention& status) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(status.range.begin);
  const Mention* rise = analysis.first_in(clause, "figure_rise");
  if (rise == nullptr) {
    return nullptr;
  }
  const std::uint32_t after = std::max(status.range.end, rise->range.end);
  const auto number = first_number_from(analysis, after);
  if (number == nullptr || !clause.contains(number->begin)) {
    return nullptr;
  }
  const MentionList between =
      analysis.in({std::min(status.range.begin, rise->range.end), number->begin}, "casualty");
  const bool counts_it = std::all_of(between.begin(), between.end(),
                                     [&](const Mention* other) { return other == &status; });
  return counts_it ? &*number : nullptr;
}

// Counts go to status words by nearness across the whole clause, closest pairs
// first: in "seven soldiers were killed and ten wounded" ten is the wounded
// and seven the killed, though ten stands nearer to "killed".
std::map<const Mention*, const NumberMention*> pair_counts(const FrameView& view,
                                                           const FoundMentions& statuses) {
  struct Pair {
    std::uint32_t words;
    const Mention* status;
    const NumberMention* number;
    // «ارتقاء 4 شهداء»: a count right before a status noun is its count first.
    bool counts_the_noun = false;
  };
  std::vector<Pair> pairs;
  // "14 violations", "in the past 24 hours", "two houses were damaged": a
  // number right before what it counts (`count_noun`: violations, explosions,
  // units of time; an `asset`) counts no persons.
  const auto counts_a_thing = [&](const NumberMention& number) {
    const Range after{number.figure_end, number.figure_end + kCountNounReach};
    return std::any_of(kCountedThings.begin(), kCountedThings.end(), [&](Category category) {
      const MentionList nouns = view.analysis.in(after, category);
      return !nouns.empty() &&
             view.analysis.words_between(number.figure_end, nouns.front()->range.begin) == 0;
    });
  };
  // «توفي أحدهم متأثرا بجروحه», "one of them died of his wounds": the count
  // of those of the wounded who died (read_deaths_of_the_wounded) is no
  // status word's.
  std::vector<const NumberMention*> dead_of_wounds;
  for (const Mention* death : view.all("died_of_wounds")) {
    bool counted_beside = false;
    if (const NumberMention* dead = dead_of_the_wounded(view, *death, counted_beside)) {
      dead_of_wounds.push_back(dead);
    }
  }
  const auto counts_the_dead_of_wounds = [&](const NumberMention& number) {
    return std::find(dead_of_wounds.begin(), dead_of_wounds.end(), &number) != dead_of_wounds.end();
  };
  for (const Mention* status : statuses) {
    const Range clause = view.clause_of(status->range.begin);
    // "the death toll … rose to seven", «حصيلة القتلى … ارتفعت إلى سبعة»: the
    // count a rise ends on is the status's, however far the rise stands.
    if (const NumberMention* risen = count_of_a_rise(view, *status)) {
      pairs.push_back({0, status, risen});
      continue;
    }
    for (const NumberMention& number : view.analysis.numbers_in(clause)) {
      const Range figure{number.begin, number.end};
      if (view.excluded(figure) || counts_a_thing(number) ||
          (!dead_of_wounds.empty() && counts_the_dead_of_wounds(number))) {
        continue;
      }
      std::uint32_t words = view.distance(status->word, figure);
      // «مقتل مدنيين اثنين وإصابة خمسة»: a count right after the persons it
      // counts stands where they stand, nearer the status before them.
      const MentionList persons = view.analysis.in({clause.begin, number.begin}, "person");
      if (!persons.empty() &&
          view.analysis.words_between(persons.back()->word.end, number.begin) == 0) {
        words = std::min(words, view.distance(status->word, persons.back()->word));
      }
      if (words <= kNearWords && !counts_what_follows(view, *status, number, statuses)) {
        const bool counts_the_noun =
            status->entry->has_attribute("noun") && number.figure_end <= status->range.begin &&
            view.analysis.words_between(number.figure_end, status->word.begin) == 0;
        pairs.push_back({words, status, &number, counts_the_noun});
      }
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.words != b.words ? a.words < b.words : a.counts_the_noun && !b.counts_the_noun;
  });
  std::map<const Mention*, const NumberMention*> chosen;
  std::vector<const NumberMention*> taken;
  const auto is_taken = [&](const NumberMention* number) {
    return std::find(taken.begin(), taken.end(), number) != taken.end();
  };
  for (const Pair& pair : pairs) {
    if (chosen.count(pair.status) != 0 || is_taken(pair.number)) {
      continue;
    }
    chosen[pair.status] = pair.number;
    taken.push_back(pair.number);
  }
  // "Four soldiers were killed and nine were wounded": "nine" is as near to
  // "killed" as to "wounded", and taken first it would leave "wounded"
  // without a count. A status left without one takes a count of another
  // status that has a free count of its own to take instead.
  for (const Pair& pair : pairs) {
    if (chosen.count(pair.status) != 0) {
      continue;
    }
    const auto holder = std::find_if(chosen.begin(), chosen.end(),
                                     [&](const auto& held) { return held.second == pair.number; });
    if (holder == chosen.end()) {
      continue;
    }
    const auto instead = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& other) {
      return other.status == holder->first && !is_taken(other.number);
    });
    if (instead != pairs.end()) {
      holder->second = instead->number;
      taken.push_back(instead->number);
      chosen[pair.status] = pair.number;
    }
  }
  return chosen;
}

// The country most of the text's places lie in (more than half of those in
// one country), or empty: where a text tells of one country's villages, an
// account that names no place is of that country too.
std::string country_of_the_text(const Analysis& analysis, const Gazetteer& places) {
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  std::size_t total = 0;
  for (const Mention* mention : analysis.all_of("place")) {
    const GazetteerPlace* place = places.find(mention->value());
    if (place == nullptr || place->type == "country" || place->countries.size() != 1) {
      continue;
    }
    ++total;
    tally(counts, std::string_view(place->countries.front()));
  }
  for (const auto& [country, count] : counts) {
    if (2 * count > total) {
      return std::string(country);
    }
  }
  return {};
}

// Civilians belong to the state whose ground they were hit on (de jure: the
// state of the place's country), whoever reports them; without a place, to
// the reporting party, else to the state of the country the text's places
// lie in ("14 civilians killed" in a story of Idlib's towns).
std::string civilians_state(const FrameView& view, const std::optional<Place>& place,
                            const std::string& claimant_party) {
  const ActorRegistry& actors = view.context.actors;
  if (place && !place->country.empty()) {
    if (const std::string& state = actors.state_of_country(place->country); !state.empty()) {
      return state;
    }
  }
  if (is_party(actors, claimant_party)) {
    return claimant_party;
  }
  if (!view.context.state_of_the_text) {
    const std::string country = country_of_the_text(view.analysis, view.context.places);
    view.context.state_of_the_text =
        country.empty() ? std::string() : actors.state_of_country(country);
  }
  return *view.context.state_of_the_text;
}

// "five civilians were injured ... five civilians including two boys and two
// women": a count after a subset word ("including", "в том числе", "بينهم") in
// its clause breaks down the figure before it (same side and status, no
// larger) and is no toll of its own.
bool breaks_down(const FrameView& view, const std::vector<Figure>& figures, const Figure& figure) {
  if (figures.empty()) {
    return false;
  }
  const Figure& before = figures.back();
  if (before.figure.side != figure.figure.side || before.figure.status != figure.figure.status ||
      figure.figure.count.min > before.figure.count.min) {
    return false;
  }
  std::uint32_t first = figure.ranges.front().begin;
  for (const Range& range : figure.ranges) {
    first = std::min(first, range.begin);
  }
  const Range clause = view.clause_of(first);
  return !view.analysis.in({clause.begin, first}, "subset_marker").empty();
}

// "جرح مدنيون آخرون (بينهم طفلان)", "civilians were wounded, including two
// children": the count right after a subset word right after an uncounted
// group, which is at least that many.
std::optional<std::int64_t> counted_part_after(const FrameView& view, const Mention& group) {
  const Analysis& analysis = view.analysis;
  const Range sentence = view.sentence_of(group.range.begin).range;
  for (const Mention* marker : analysis.in({group.word.end, sentence.end}, "subset_marker")) {
    if (analysis.words_between(group.word.end, marker->word.begin) > 0) {
      break;
    }
    for (const NumberMention& number : analysis.numbers_in({marker->word.end, sentence.end})) {
      if (analysis.words_between(marker->word.end, number.begin) == 0) {
        return number.count.min;
      }
    }
    // A dual ("طفلان", two children) counts by itself.
    for (const Mention* person : analysis.in({marker->word.end, sentence.end}, "person")) {
      const std::string_view count = person->entry->attribute("count");
      if (!count.empty() && analysis.words_between(marker->word.end, person->word.begin) == 0) {
        return std::atoll(std::string(count).c_str());
      }
      break;
    }
    break;
  }
  return std::nullopt;
}

// The status words of a clause that also holds a count ("13 captured"): an
// item of a list of figures. Empty when the clause is no such item.
MentionList counted_statuses(const Analysis& analysis, Range clause) {
  return analysis.numbers_in(clause).empty() ? MentionList{} : analysis.in(clause, "casualty");
}

// "one dead, 13 captured, and 24 missing troops": counted statuses listed in
// clauses of their own share the person noun that closes the list.
const Mention* person_closing_list(const FrameView& view, Range clause) {
  const Analysis& analysis = view.analysis;
  const Sentence& sentence = view.sentence_of(clause.begin);
  for (const Range& next : sentence.clauses) {
    if (next.begin < clause.end) {
      continue;
    }
    const MentionList statuses = counted_statuses(analysis, next);
    if (statuses.empty()) {
      return nullptr;  // the list has ended
    }
    for (const Mention* person : analysis.in(next, "person")) {
      const Mention* last = statuses.back();
      if (person->range.begin >= last->range.end &&
          view.distance(last->word, person->word) <= kNearWords) {
        return person;
      }
    }
  }
  return nullptr;
}

// "one Armenian soldier was killed, 13 were captured, 24 went missing": counted
// statuses in clauses of their own after a figure share its person noun.
const Mention* person_opening_list(const FrameView& view, Range clause) {
  const Analysis& analysis = view.analysis;
  const Sentence& sentence = view.sentence_of(clause.begin);
  // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
  for (auto it = sentence.clauses.rbegin(); it != sentence.clauses.rend(); ++it) {
    const Range before = *it;
    if (before.end > clause.begin) {
      continue;
    }
    const MentionList statuses = counted_statuses(analysis, before);
    if (statuses.empty()) {
      return nullptr;  // the list has ended
    }
    for (const Mention* person : analysis.in(before, "person")) {
      if (view.distance(statuses.front()->word, person->word) <= kNearWords) {
        return person;
      }
    }
  }
  return nullptr;
}

// "его хозяйка, 55-летняя женщина, которая пряталась в подвале, погибла",
// "a woman, who was hiding in the cellar, died": a status word alone in its
// clause after a relative clause is said of the person that closes the clause
// before that one.
const Mention* subject_before_relative_clause(const FrameView& view, Range clause) {
  const Analysis& analysis = view.analysis;
  const Sentence& sentence = view.sentence_of(clause.begin);
  const auto at = std::find_if(sentence.clauses.begin(), sentence.clauses.end(),
                               [&](const Range& one) { return one.begin == clause.begin; });
  if (at == sentence.clauses.end() || at - sentence.clauses.begin() < 2) {
    return nullptr;
  }
  // "five civilians, including one child at least, were killed": a clause
  // set off by a word of a part of the group is one too.
  const Range relative = *(at - 1);
  const auto opens = [&](Category category) {
    const MentionList words = analysis.in(relative, category);
    return !words.empty() &&
           analysis.words_between(relative.begin, words.front()->range.begin) == 0;
  };
  // "one of its soldiers, Private Anton Example, was killed": a short phrase
  // set off by commas that says nothing of its own names the same person.
  constexpr std::uint32_t kAppositionWords = 5;
  const auto apposition = [&] {
    return analysis.words_between(relative.begin, relative.end) <= kAppositionWords &&
           analysis.in(relative, "casualty").empty() && analysis.in(relative, "event").empty() &&
           analysis.in(relative, "attribution").empty() && analysis.numbers_in(relative).empty() &&
           analysis.dates_in(relative).empty();
  };
  // "three civilians, two of them children, were wounded", «трое мирных
  // жителей, двое из них дети, ранены»: a count and a subset word right after
  // it open a part of the group too.
  const auto counted_part = [&] {
    const auto number = first_number_from(analysis, relative.begin);
    if (number == nullptr || !relative.contains(number->begin) ||
        analysis.words_between(relative.begin, number->begin) != 0) {
      return false;
    }
    const Mention* marker = analysis.first_in(relative, "subset_marker");
    return marker != nullptr && analysis.words_between(number->figure_end, marker->word.begin) == 0;
  };
  if (!opens("relative_pronoun") && !opens("subset_marker") && !apposition() && !counted_part()) {
    return nullptr;
  }
  const Range subject = *(at - 2);
  const MentionList persons = analysis.in(subject, "person");
  if (persons.empty() || analysis.words_between(persons.back()->word.end, subject.end) > 0) {
    return nullptr;
  }
  return persons.back();
}

// "killed in shelling by Freedonian troops": a person noun at most two words
// after an agent word ("by", «со стороны», «من قبل») names who acted.
bool names_the_agent(const FrameView& view, Range clause, const Mention& person) {
  const Analysis& analysis = view.analysis;
  for (const Mention* marker : analysis.in({clause.begin, person.word.begin}, "agent_marker")) {
    // «со стороны Азербайджана один военнослужащий получил ранение»: an actor
    // after the agent word is the agent, and the persons after it were hit.
    const MentionList actors = analysis.in({marker->range.end, person.word.begin}, "actor");
    const bool actor_between = std::any_of(actors.begin(), actors.end(), [&](const Mention* actor) {
      return actor->range.end <= person.word.begin;
    });
    if (marker->range.end <= person.word.begin &&
        analysis.words_between(marker->range.end, person.word.begin) <= 2 && !actor_between) {
      return true;
    }
  }
  return false;
}

// The numbers that end right before `at` with no word between (words_between
// zero), in text order: found from `at` backwards, where a walk over all of a
// long text's numbers for each word made reading it quadratic.
std::vector<const NumberMention*> numbers_right_before(const Analysis& analysis, std::uint32_t at) {
  std::vector<const NumberMention*> found;
  const auto before = analysis.numbers_in({0, at});
  // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
  for (auto number = before.rbegin(); number != before.rend(); ++number) {
    if (number->end > at) {
      continue;
    }
    const std::uint32_t words = analysis.words_between(number->end, at);
    if (words == 0) {
      found.push_back(&*number);
    } else if (words >= 2) {
      break;  // numbers do not overlap: every earlier one ends a word away or more
    }
  }
  std::reverse(found.begin(), found.end());
  return found;
}

// The number that counts a person noun, right before it in its clause ("five
// civilians"); null when there is none.
const NumberMention* count_right_before(const FrameView& view, const Mention& person) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(person.range.begin);
  for (const NumberMention& number :
       analysis.numbers_in({clause.begin, std::min(clause.end, person.word.begin)})) {
    if (number.figure_end <= person.word.begin &&
        analysis.words_between(number.figure_end, person.word.begin) == 0) {
      return &number;
    }
  }
  return nullptr;
}

// The number that counts a person noun at the head of its phrase: right before
// it ("five civilians") or a few words before with no other person, status or
// event word between ("one of its soldiers"); null when there is none.
const NumberMention* count_opening_the_phrase(const FrameView& view, const Mention& person) {
  constexpr std::uint32_t kPhraseWords = 2;
  if (const NumberMention* right_before = count_right_before(view, person)) {
    return right_before;
  }
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(person.range.begin);
  const auto before = analysis.numbers_in({clause.begin, std::min(clause.end, person.word.begin)});
  if (before.empty()) {
    return nullptr;
  }
  const NumberMention* opening = &before.back();
  const Range between{opening->figure_end, person.word.begin};
  // «Три мирных жителя»: a longer name of the same persons that ends on the
  // word is no other person.
  const MentionList persons_between = analysis.in(between, "person");
  const bool plain =
      analysis.words_between(between.begin, between.end) <= kPhraseWords &&
      std::all_of(persons_between.begin(), persons_between.end(),
                  [&](const Mention* other) { return other->word.end > person.word.begin; }) &&
      analysis.in(between, "casualty").empty() && analysis.in(between, "event").empty();
  return plain ? opening : nullptr;
}

// "A militiaman of the self-proclaimed Donetsk People's Republic (DPR) was
// killed": the person word the clause opens with is the subject of the status
// word, however many names qualify it, when no other person, status, event or
// number comes between them.
const Mention* subject_named_at_length(const FrameView& view, Range clause, const Mention& status) {
  constexpr std::uint32_t kSubjectWords = 12;
  const Analysis& analysis = view.analysis;
  const Mention* person = nullptr;
  for (const Mention* word : analysis.in({clause.begin, status.range.begin}, "person")) {
    if (within_a_name(analysis, *word)) {
      continue;
    }
    if (person != nullptr) {
      return nullptr;
    }
    person = word;
  }
  if (person == nullptr) {
    return nullptr;
  }
  const Range between{person->word.end, status.word.begin};
  if (analysis.words_between(clause.begin, person->word.begin) > 1 ||
      analysis.words_between(between.begin, between.end) > kSubjectWords ||
      !analysis.in(between, "casualty").empty() || !analysis.in(between, "event").empty() ||
      !analysis.numbers_in(between).empty()) {
    return nullptr;
  }
  return person;
}

// "A 22 years old civilian had got injured": an article that counts one
// (`one`) opening the noun's phrase, at most `most_words` words before it in
// its clause with no other person, status or event word between; or null.
const Mention* article_counting_one(const FrameView& view, const Mention& person,
                                    std::uint32_t most_words) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(person.range.begin);
  for (const Mention* article : analysis.in({clause.begin, person.word.begin}, "article")) {
    if (article->entry->has_attribute("one") &&
        analysis.words_between(article->word.end, person.word.begin) <= most_words &&
        analysis.in({article->word.end, person.word.begin}, "person").empty() &&
        analysis.in({article->word.end, person.word.begin}, "casualty").empty() &&
        analysis.in({article->word.end, person.word.begin}, "event").empty()) {
      return article;
    }
  }
  return nullptr;
}

bool counted_one_by_article(const FrameView& view, const Mention& person) {
  return article_counting_one(view, person, 3) != nullptr;
}

// The words of the ages told from `end` to `begin`, each an age word and its
// number («мужчина 50 лет и женщина», «رجل (50 عاماً) وامرأة», "a man born in
// 1966 and a woman"): they describe a listed person and link nothing.
std::uint32_t words_of_ages(const Analysis& analysis, std::uint32_t end, std::uint32_t begin) {
  std::uint32_t words = 0;
  for (const Mention* age : analysis.in({end, begin}, "age_marker")) {
    words += analysis.words_between(age->word.begin, age->word.end) + 1;
  }
  return words;
}

// Where the phrase of persons counted by no number starts: at the article
// that counts one right before them ("a woman"), else at the persons.
std::uint32_t start_of_single(const FrameView& view, const Mention& person) {
  // "a 79-year-old woman": the age between the article and the persons.
  const MentionList ages =
      view.analysis.in({view.clause_of(person.range.begin).begin, person.word.begin}, "age_marker");
  const std::uint32_t age_words =
      !ages.empty() && view.analysis.words_between(ages.back()->word.end, person.word.begin) == 0
          ? words_of_ages(view.analysis, ages.back()->word.begin, person.word.begin)
          : 0;
  const Mention* article = article_counting_one(view, person, age_words);
  return article != nullptr ? article->word.begin : person.word.begin;
}

// How many a group of a list counts: its number, else the count its word
// carries (a dual), else one ("a woman").
CountRange count_of_group(const NumberMention* count, const Mention& persons) {
  if (count != nullptr) {
    return count->count;
  }
  const std::string_view count_word = persons.entry->attribute("count");
  return count_word.empty() ? exactly(1) : exactly(std::atoll(std::string(count_word).c_str()));
}

// Whether persons say how many they are without a number: one ("woman",
// "a civilian") or the count of a dual.
bool counts_itself(const FrameView& view, const Mention& persons) {
  return persons.entry->has_attribute("one") || !persons.entry->attribute("count").empty() ||
         (persons.entry->has_attribute("singular") && counted_one_by_article(view, persons));
}

// Whether an event was told before the frame, outside the headline: a figure
// of no stated side and no event of its own may then retell it.
bool told_before(const FrameView& view) {
  const std::uint32_t start = view.sentence_ranges.front().begin;
  const MentionList before = view.analysis.in({0, start}, "event");
  const std::optional<Range>& headline = view.context.headline;
  return std::any_of(before.begin(), before.end(), [&](const Mention* event) {
    return !headline || !headline->contains(event->range.begin);
  });
}

// Whether the frame names civilians by a word that names no one else
// ("residents", "journalists"; not "people").
bool names_civilians(const FrameView& view) {
  const auto persons = view.all("person");
  return std::any_of(persons.begin(), persons.end(), [](const Mention* person) {
    return person->value() == "civilian" && !person->entry->has_attribute("anyone");
  });
}

// The words between two groups of persons listed one after the other, a
// link of several words counted as one ("two soldiers as well as a civilian":
// one), a possessive word right before the second not counted ("a woman
// and her two children": one), nor the age of the first ("a man born in 1966
// and a woman": one).
std::uint32_t words_between_groups(const Analysis& analysis, std::uint32_t end,
                                   std::uint32_t begin) {
  std::uint32_t words = analysis.words_between(end, begin);
  if (words == 0) {
    return 0;
  }
  words -= std::min(words, words_of_ages(analysis, end, begin));
  if (words == 0) {
    return 0;
  }
  for (const Mention* link : analysis.in({end, begin}, "list_link")) {
    const std::uint32_t link_words = analysis.words_between(link->word.begin, link->word.end);
    if (link_words > 1 && link_words <= words) {
      words -= link_words - 1;
    }
  }
  const MentionList owners = analysis.in({end, begin}, "possessive");
  return !owners.empty() && analysis.words_between(owners.back()->word.end, begin) == 0 ? words - 1
                                                                                        : words;
}

// The counted groups of persons listed from `at` on in the sentence, each
// right after the one before (a comma or a conjunction between): of the kind
// of `like` only, or of any kind when it is null. A group another status word
// counts, or with a status or subset word before it ("12 civilians, among them
// 4 children"), or one a status word of its own follows, ends the list. With
// `singles` (a list that a single person opens: "killing a man and a woman",
// «погибли мужчина и женщина»), persons who count themselves are groups too;
// with `singles_like`, only those of its kind ("killing two children and a
// woman", not the civilian of "five of its soldiers and a civilian working
// for its army", who is told apart).
std::vector<std::pair<const NumberMention*, const Mention*>> groups_listed_from(
    const FrameView& view, std::uint32_t at, Range sentence, const Mention* like,
    const std::map<const Mention*, const NumberMention*>& counts, bool singles = false,
    const Mention* singles_like = nullptr) {
  std::vector<std::pair<const NumberMention*, const Mention*>> listed;
  const Analysis& analysis = view.analysis;
  const MentionList persons = analysis.in(sentence, "person");
  const auto same_kind = [](const Mention& person, const Mention* kind) {
    return kind == nullptr ||
           (person.value() == kind->value() &&
            person.entry->has_attribute("anyone") == kind->entry->has_attribute("anyone"));
  };
  const auto of_the_kind = [&](const Mention& person) { return same_kind(person, like); };
  // "7 civilians were killed, 3 people wounded": a group with a status word
  // of its own after it is counted by that word; not one a count or persons
  // right after it make theirs («قتل طفلان وامرأة وأصيب خمسة مدنيين»).
  const auto has_its_own_status = [&](const Mention& person) {
    const Range rest{person.word.end, view.clause_of(person.word.begin).end};
    const Mention* status = analysis.first_in(rest, "casualty");
    if (status == nullptr) {
      return false;
    }
    const auto number = first_number_from(analysis, status->word.end);
    const Mention* subject = analysis.first_in({status->word.end, rest.end}, "person");
    const bool subject_after =
        (number != nullptr && rest.contains(number->begin) &&
         analysis.words_between(status->word.end, number->begin) == 0) ||
        (subject != nullptr && analysis.words_between(status->word.end, subject->word.begin) == 0);
    return !subject_after;
  };
  const auto joined = [&](std::uint32_t begin) {
    return words_between_groups(analysis, at, begin) <= 1 &&
           analysis.in({at, begin}, "casualty").empty() &&
           analysis.in({at, begin}, "subset_marker").empty();
  };
  while (true) {
    // The numbers are in text order: the next group's is the first after `at`.
    const auto number_at = first_number_from(analysis, at);
    const auto single = std::find_if(persons.begin(), persons.end(), [&](const Mention* person) {
      return person->word.begin >= at;
    });
    if (singles && single != persons.end() && joined(start_of_single(view, **single)) &&
        (number_at == nullptr || number_at->begin >= (*single)->word.begin) &&
        counts_itself(view, **single)) {
      if (!of_the_kind(**single) || !same_kind(**single, singles_like) ||
          has_its_own_status(**single) || within_a_name(analysis, **single)) {
        break;
      }
      listed.emplace_back(nullptr, *single);
      at = (*single)->word.end;
      continue;
    }
    if (number_at == nullptr || !sentence.contains(number_at->begin) || !joined(number_at->begin)) {
      break;
    }
    const NumberMention* number = number_at;
    const bool counted_elsewhere = std::any_of(
        counts.begin(), counts.end(), [&](const auto& held) { return held.second == number; });
    const auto next = std::find_if(persons.begin(), persons.end(), [&](const Mention* person) {
      return person->word.begin >= number->figure_end &&
             analysis.words_between(number->figure_end, person->word.begin) == 0;
    });
    if (number->vague || counted_elsewhere || next == persons.end() || !of_the_kind(**next) ||
        has_its_own_status(**next)) {
      break;
    }
    listed.emplace_back(number, *next);
    at = (*next)->word.end;
  }
  return listed;
}

// "killed five children, four women, and one man": after a count and its
// persons, more counted persons of the same kind listed after them are
// counted with them.
std::vector<std::pair<const NumberMention*, const Mention*>> listed_after(
    const FrameView& view, const NumberMention& count, const Mention* person,
    const std::map<const Mention*, const NumberMention*>& counts) {
  const Analysis& analysis = view.analysis;
  if (person == nullptr || count.figure_end > person->word.begin ||
      analysis.words_between(count.figure_end, person->word.begin) != 0) {
    return {};
  }
  // The list's commas cut clauses; it stays in the sentence.
  return groups_listed_from(view, person->word.end, view.sentence_of(count.begin).range, person,
                            counts);
}

// The groups of counted persons listed right before the group a status word
// counts, in text order, a comma or a conjunction between each ("three
// soldiers and four civilians were killed", «جنديان وثلاثة مدنيين»): each is
// said of with the same status. A group another status word counts, one whose
// count is none of its own, or one with a status, event, subset or owner word
// between, ends the list.
std::vector<std::pair<const NumberMention*, const Mention*>> listed_before(
    const FrameView& view, const Mention& person, const NumberMention* count,
    const std::map<const Mention*, const NumberMention*>& counts) {
  std::vector<std::pair<const NumberMention*, const Mention*>> listed;
  const Analysis& analysis = view.analysis;
  if (count != nullptr && count->figure_end > person.word.begin) {
    return listed;
  }
  const Range sentence = view.sentence_of(person.range.begin).range;
  std::uint32_t at = count != nullptr ? count->begin : start_of_single(view, person);
  const MentionList persons = analysis.in({sentence.begin, at}, "person");
  // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
  for (auto it = persons.rbegin(); it != persons.rend(); ++it) {
    const Mention& earlier = **it;
    const Range gap{earlier.word.end, at};
    if (earlier.word.end > at || words_between_groups(analysis, gap.begin, gap.end) > 1 ||
        within_a_name(analysis, earlier) || !analysis.in(gap, "casualty").empty() ||
        !analysis.in(gap, "event").empty() || !analysis.in(gap, "subset_marker").empty() ||
        !analysis.in(gap, "owner_link").empty()) {
      break;
    }
    const NumberMention* its_count = count_opening_the_phrase(view, earlier);
    const bool paired_elsewhere =
        its_count != nullptr && std::any_of(counts.begin(), counts.end(), [&](const auto& held) {
          return held.second == its_count;
        });
    const bool one = its_count == nullptr && counts_itself(view, earlier);
    if (paired_elsewhere || (its_count == nullptr && !one)) {
      break;
    }
    // "a Border Security Force (BSF) officer": the article opens the phrase.
    constexpr std::uint32_t kNamedPersonWords = 6;
    const Mention* article =
        its_count == nullptr ? article_counting_one(view, earlier, kNamedPersonWords) : nullptr;
    const std::uint32_t phrase = its_count != nullptr ? its_count->begin
                                 : article != nullptr ? article->word.begin
                                                      : earlier.word.begin;
    // «Погиб мирный житель, его жена и двое детей получили ранения»: persons
    // right after a status word of their own are its subject, not of the list.
    const MentionList statuses_before = analysis.in({sentence.begin, phrase}, "casualty");
    if (!statuses_before.empty() &&
        analysis.words_between(statuses_before.back()->word.end, phrase) == 0) {
      break;
    }
    listed.emplace_back(its_count, &earlier);
    at = phrase;
  }
  std::reverse(listed.begin(), listed.end());
  return listed;
}

// Whether the words from `end` to a status word are none or one that names
// nothing ("troops killed", "troops had killed", "troops reportedly killed").
bool just_before_the_verb(const Analysis& analysis, std::uint32_t end, const Mention& status) {
  const Range between{end, status.word.begin};
  if (end > status.word.begin || analysis.words_between(between.begin, between.end) > 1) {
    return false;
  }
  return std::all_of(kNamingCategories.begin(), kNamingCategories.end(),
                     [&](Category category) { return analysis.in(between, category).empty(); });
}

// The persons a status word is said of when they follow it as its object: at
// most two words after it (a count, a nationality), no mark and no status word
// between ("killed two Armenian soldiers"); or null.
const Mention* object_after(const FrameView& view, const Mention& status) {
  constexpr std::uint32_t kObjectWords = 2;
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(status.range.begin);
  const Mention* person = analysis.first_in({status.word.end, clause.end}, "person");
  if (person == nullptr ||
      analysis.words_between(status.word.end, person->word.begin) > kObjectWords ||
      !analysis.in({status.word.end, person->word.begin}, "casualty").empty()) {
    return nullptr;
  }
  const std::string_view between =
      std::string_view(analysis.normalized.text)
          .substr(status.word.end, person->word.begin - status.word.end);
  if (between.find_first_of(",;:") != std::string_view::npos) {
    return nullptr;
  }
  // Each word between counts or names them ("two", "Armenian", "the"); "a
  // soldier injured as Pakistani troops fired": a word of another kind opens
  // another clause, whose subject they are.
  const Range gap{status.word.end, person->word.begin};
  const MentionList actors = analysis.in(gap, "actor");
  const MentionList articles = analysis.in(gap, "article");
  const auto first_word =
      std::upper_bound(analysis.word_starts.begin(), analysis.word_starts.end(), gap.begin);
  for (auto word = first_word; word != analysis.word_starts.end() && *word < gap.end; ++word) {
    const std::uint32_t at = *word;
    const auto holds = [at](Range range) { return range.begin <= at && at < range.end; };
    // The numbers are in text order: only the last to begin by `at` can hold it.
    const auto by_then = analysis.numbers_in({0, at + 1});
    const bool counted =
        !by_then.empty() && holds({by_then.back().begin, by_then.back().figure_end});
    const auto names = [&](const Mention* mention) { return holds(mention->range); };
    if (!counted && std::none_of(actors.begin(), actors.end(), names) &&
        std::none_of(articles.begin(), articles.end(), names)) {
      return nullptr;
    }
  }
  return person;
}

std::vector<Figure> read_casualties(const FrameView& view, const std::string& claimant_party,
                                    const std::string& civilians_party,
                                    const std::string& post_party, bool tells_an_event,
                                    std::vector<Draft::RetoldFigure>& retold) {
  const Analysis& analysis = view.analysis;
  const ActorRegistry& actors = view.context.actors;
  std::vector<Figure> figures;
  std::optional<Side> previous;

  const auto statuses = view.all("casualty");
  auto counts = pair_counts(view, statuses);
  // "three soldiers were killed and wounded", "убиты и ранены": one count said
  // of two statuses joined together is shared by both (docs/extraction.md).
  std::set<const Mention*> shared;
  for (std::size_t i = 0; i + 1 < statuses.size(); ++i) {
    const Mention* first = statuses[i];
    const Mention* second = statuses[i + 1];
    const auto one = counts.find(first);
    const auto other = counts.find(second);
    if ((one == counts.end()) == (other == counts.end()) ||
        parse_casualty_status(first->value()) == parse_casualty_status(second->value()) ||
        analysis.words_between(first->range.end, second->range.begin) > 1 ||
        view.clause_of(first->range.begin).begin != view.clause_of(second->range.begin).begin ||
        // «مقتل جندي وإصابة تسعة»: a person between them has the first status alone.
        !analysis.in({first->range.end, second->range.begin}, "person").empty()) {
      continue;
    }
    const NumberMention* count = one != counts.end() ? one->second : other->second;
    // «جنديين قتلا وأصيب خمسة آخرون», "and five others were wounded": a count
    // of others is of new persons, its status's alone.
    const Mention* others_after =
        analysis.first_in({count->figure_end, view.clause_of(count->begin).end}, "others");
    if (others_after != nullptr &&
        analysis.words_between(count->figure_end, others_after->word.begin) == 0) {
      continue;
    }
    counts[first] = counts[second] = count;
    shared.insert(first);
    shared.insert(second);
  }
  const auto none = view.all("casualty_none");
  const auto deaths_of_wounded = view.all("died_of_wounds");
  for (const Mention* status : statuses) {
    // "Мирные жители не пострадали", "were not injured": nobody was; and the
    // missing of "the commission for missing persons" are a name's words.
    if (negated_before(view, *status, "negation", 0) || inside_a_name(analysis, *status)) {
      continue;
    }
    // «Пострадавших нет», "no casualties": the status word is part of a phrase
    // that says there were none; the wound word of «متأثرا بجراحه», "died of
    // his wounds" tells that a wounded one died (read_deaths_of_the_wounded).
    const auto holds_the_status = [&](const Mention* phrase) {
      return phrase->range.begin <= status->range.begin && status->range.end <= phrase->range.end;
    };
    const bool a_wound = parse_casualty_status(status->value()) == CasualtyStatus::kWounded;
    if (std::any_of(none.begin(), none.end(), holds_the_status) ||
        (a_wound &&
         std::any_of(deaths_of_wounded.begin(), deaths_of_wounded.end(), holds_the_status))) {
      continue;
    }
    const Range clause = view.clause_of(status->range.begin);
    // "died in a road accident", «погиб в ДТП»: a death or a wound of another
    // cause is no casualty of the fighting.
    const MentionList causes = analysis.in(clause, "not_of_fighting");
    if (std::any_of(causes.begin(), causes.end(), [&](const Mention* cause) {
          return view.distance(status->word, cause->word) <= kNearWords;
        })) {
      continue;
    }
    const auto paired = counts.find(status);
    const NumberMention* count = paired == counts.end() ? nullptr : paired->second;
    // "five civilians including two women were wounded": the status is said
    // of the whole, the count before the subset word.
    if (count != nullptr) {
      for (const Mention* marker : analysis.in(clause, "subset_marker")) {
        if (marker->range.end > count->begin ||
            analysis.words_between(marker->range.end, count->begin) > 1) {
          continue;
        }
        for (const NumberMention& whole : analysis.numbers_in(clause)) {
          if (whole.end <= marker->range.begin &&
              analysis.words_between(whole.end, marker->range.begin) <= 2) {
            count = &whole;
          }
        }
      }
    }
    const Mention* person = nullptr;
    std::uint32_t best = kNearWords + 1;
    const Mention* object = object_after(view, *status);
    for (const Mention* candidate : analysis.in(clause, "person")) {
      // The "People" of "Donetsk People's Republic" is a name's word; the
      // "soldiers" of "Armenian soldiers" head the name and count. The
      // troops of "killed in shelling by Freedonian troops" did the killing;
      // those of "Freedonian troops' fire killed two civilians" own the fire.
      if (within_a_name(analysis, *candidate) || names_the_agent(view, clause, *candidate) ||
          possessive(analysis.normalized.text, candidate->word.end)) {
        continue;
      }
      const std::uint32_t words = view.distance(status->word, candidate->word);
      // "Azerbaijani troops killed two civilians": the persons a status word
      // right after other persons has as its object are those it is said of;
      // the persons before did it.
      const bool the_object = candidate == object && person != nullptr &&
                              just_before_the_verb(analysis, person->word.end, *status);
      if (words < best || the_object) {
        best = words;
        person = candidate;
      }
    }
    // «قتل جنديان باكستانيان وأصيب ثلاثة مدنيين»: the persons right after the
    // status word's count are those it counts, however near others stand
    // before the status word (persons between them open a list, below).
    if (count != nullptr && person != nullptr && count->begin >= status->word.end &&
        person->word.end <= status->word.begin) {
      const Mention* counted = analysis.first_in({count->figure_end, clause.end}, "person");
      if (counted != nullptr && counted != person &&
          analysis.words_between(count->figure_end, counted->word.begin) == 0 &&
          !within_a_name(analysis, *counted)) {
        person = counted;
      }
    }
    // «قتل جنديان وثلاثة مدنيين», "killing a soldier and two civilians": a dual
    // or a single counts itself; a count after it that opens the next group of
    // persons is that group's.
    if (person != nullptr && count != nullptr && counts_itself(view, *person) &&
        count->begin >= person->word.end &&
        words_between_groups(analysis, person->word.end, count->begin) <= 1) {
      const MentionList next = analysis.in({count->figure_end, clause.end}, "person");
      if (!next.empty() &&
          analysis.words_between(count->figure_end, next.front()->word.begin) == 0) {
        count = nullptr;
        counts.erase(status);
      }
    }
    const Mention* others = nullptr;
    // "وأصيب ثالث", "and others wounded": others right beside another status
    // word are that one's.
    const auto beside_another_status = [&](const Mention* candidate) {
      return std::any_of(statuses.begin(), statuses.end(), [&](const Mention* other) {
        return other != status && view.distance(other->word, candidate->word) == 0 &&
               view.distance(status->word, candidate->word) > 0;
      });
    };
    for (const Mention* candidate : analysis.in(clause, "others")) {
      if (view.distance(status->word, candidate->word) <= kNearWords &&
          !beside_another_status(candidate)) {
        others = candidate;
      }
    }
    // "33 of its soldiers had been killed": a count that opens the phrase of
    // the persons, farther than a count is paired, and no other status's.
    if (person != nullptr && others == nullptr && count == nullptr &&
        person->word.end <= status->word.begin) {
      const NumberMention* opening = count_opening_the_phrase(view, *person);
      if (opening != nullptr && std::none_of(counts.begin(), counts.end(), [&](const auto& held) {
            return held.second == opening;
          })) {
        count = opening;
      }
    }
    if (person == nullptr && others == nullptr && count == nullptr) {
      person = subject_before_relative_clause(view, clause);
      // "five civilians, including …, were killed": the subject's count.
      if (person != nullptr) {
        count = count_opening_the_phrase(view, *person);
      }
    }
    if (person == nullptr && others == nullptr && count == nullptr) {
      person = subject_named_at_length(view, clause, *status);
    }
    if (person == nullptr && others == nullptr && count != nullptr) {
      person = person_closing_list(view, clause);
      if (person == nullptr) {
        person = person_opening_list(view, clause);
      }
    }
    // "сообщила о 105 погибших", "105 dead": a status word right after its
    // count names the persons itself.
    // Not when it describes who follows ("15 detained Armenians").
    const MentionList after = analysis.in({status->word.end, clause.end}, "actor");
    const bool risen = count != nullptr && count == count_of_a_rise(view, *status);
    const bool status_as_noun =
        person == nullptr && others == nullptr && count != nullptr &&
        (risen || (count->figure_end <= status->range.begin &&
                   analysis.words_between(count->figure_end, status->word.begin) == 0 &&
                   (after.empty() ||
                    analysis.words_between(status->word.end, after.front()->word.begin) > 0)));
    // "есть погибшие и раненые", "سقوط قتلى وجرحى": a plural status noun
    // with no count names some persons, at least one.
    // Not "the real number of the dead and wounded is not clear".
    const bool some = person == nullptr && others == nullptr && count == nullptr &&
                      status->entry->has_attribute("noun") &&
                      !negated_before(view, *status, "negation", kNearWords);
    // "Four soldiers were killed and nine were wounded": a count right before
    // a status, after a figure of the same clause, counts the same persons.
    const bool counts_like_the_figure_before =
        person == nullptr && others == nullptr && count != nullptr && previous &&
        !figures.empty() && count->end <= status->range.begin &&
        analysis.words_between(count->end, status->word.begin) <= 1 &&
        clause.contains(figures.back().ranges.front().begin) &&
        figures.back().ranges.front().end <= count->begin;
    // "killing 5 and wounding 12", «ما أدى إلى مقتل 5 وجرح 12», «погибли 5,
    // ранены 12»: a count right after its status word that ends the phrase
    // (the clause ends, or a link or another status word follows it) counts
    // persons it does not name.
    const auto ends_the_phrase = [&](std::uint32_t at) {
      const auto next_word =
          std::lower_bound(analysis.word_starts.begin(), analysis.word_starts.end(), at + 1);
      if (next_word == analysis.word_starts.end() || *next_word >= clause.end) {
        return true;
      }
      for (const Category next : std::initializer_list<Category>{"list_link", "casualty"}) {
        const Mention* word = analysis.first_in({at, clause.end}, next);
        if (word != nullptr && analysis.words_between(at, word->word.begin) == 0) {
          return true;
        }
      }
      return false;
    };
    const bool counted_after_the_status =
        person == nullptr && others == nullptr && count != nullptr &&
        count->begin >= status->word.end &&
        analysis.words_between(status->word.end, count->begin) == 0 && ends_the_phrase(count->end);
    if (person == nullptr && others == nullptr && !status_as_noun && !some &&
        !counts_like_the_figure_before && !counted_after_the_status) {
      continue;  // "killed" of what?
    }
    // "and others wounded", "وإصابة آخر": the persons counted are new ones, at
    // least one (one for a singular "another"), even beside the persons of the
    // figure before; "four others were injured" counts four of them.
    const bool counts_others = count != nullptr && others != nullptr &&
                               count->end <= others->word.begin &&
                               analysis.words_between(count->end, others->word.begin) == 0;
    if (others != nullptr && (count == nullptr || counts_others) &&
        (person == nullptr ||
         view.distance(status->word, others->word) <= view.distance(status->word, person->word))) {
      person = nullptr;
    }

    std::optional<CountRange> range;
    bool uncounted = false;
    std::vector<std::pair<const NumberMention*, const Mention*>> listed;
    if (count != nullptr && shared.count(status) != 0 && count->count.max) {
      // Together N, each asserted: each is 1..N-1 (0..N when N cannot hold both).
      const std::int64_t most = *count->count.max;
      range = most >= 2 && count->count.min >= 2 ? CountRange{1, most - 1} : CountRange{0, most};
    } else if (count != nullptr) {
      // An open count ("several") reads as said of each, as the corpus codes it.
      // The "up to" of a rise («выросло до семи») is where the figure ended.
      range = risen && count->qualifier == "up_to" && count->count.max ? exactly(*count->count.max)
                                                                       : count->count;
      listed = listed_after(view, *count, person, counts);
      for (const auto& [number, persons] : listed) {
        range->min += number->count.min;
        range->max = range->max && number->count.max
                         ? std::optional<std::int64_t>(*range->max + *number->count.max)
                         : std::nullopt;
      }
    } else if (person == nullptr && others != nullptr) {
      range = others->entry->has_attribute("one") ? exactly(1) : at_least(1);
    } else if (person != nullptr && !person->entry->attribute("count").empty()) {
      range = exactly(std::atoll(std::string(person->entry->attribute("count")).c_str()));
    } else if (person != nullptr &&
               (person->entry->has_attribute("one") || (person->entry->has_attribute("singular") &&
                                                        counted_one_by_article(view, *person)))) {
      range = exactly(1);
    } else if (person != nullptr || some) {
      range = at_least(1);  // "killed their soldiers": some, at least one
      uncounted = true;
    }
    if (!range) {
      continue;
    }
    if (uncounted) {
      const Mention* group = status;  // the last of the words that tell the group
      for (const Mention* word : {person, others}) {
        if (word != nullptr && word->word.end > group->word.end) {
          group = word;
        }
      }
      if (const std::optional<std::int64_t> part = counted_part_after(view, *group)) {
        range = at_least(*part);
      }
    }

    // The side the persons are of and the figure they make, after those of
    // the groups listed before them.
    const auto add_figure =
        [&](const Mention* group, const Mention* other_persons, const NumberMention* its_count,
            CountRange counted_range, bool uncounted_persons,
            const std::vector<std::pair<const NumberMention*, const Mention*>>& listed_persons) {
          std::optional<Side> side;
          // "11 people from the Azerbaijani side": a word that names persons of
          // anyone yields to a side the clause names beside it.
          // So does a status word that names the persons itself ("С армянской
          // стороны есть погибшие").
          const Mention* who =
              group != nullptr ? group : (other_persons == nullptr ? status : nullptr);
          if (who != nullptr && (who == status || who->entry->has_attribute("anyone"))) {
            for (const Mention* side_word : analysis.in(clause, "side_word")) {
              if (view.distance(who->word, side_word->word) > kNearWords) {
                continue;
              }
              for (const Mention* actor : analysis.in(clause, "actor")) {
                const bool beside =
                    actor->range.end <= side_word->range.begin
                        ? analysis.words_between(actor->range.end, side_word->range.begin) <= 1
                        : analysis.words_between(side_word->range.end, actor->range.begin) <= 2;
                if (beside) {
                  side = side_for_party(actors, party_of_mention(actors, *actor));
                  break;
                }
              }
              if (side) {
                break;
              }
            }
          }
          // «обстрелян пост вооруженных формирований …, ранения получили два
          // человека»: persons of anyone hit where a post or positions of X were
          // struck are X's personnel.
          if (!side && group != nullptr && group->entry->has_attribute("anyone") &&
              !post_party.empty()) {
            side = side_for_party(actors, post_party);
          }
          if (!side && group != nullptr && group->value() == "civilian") {
            if (group->entry->has_attribute("anyone") && !names_civilians(view)) {
              // "4 people were killed": of no stated side, unless the account
              // says they were civilians ("journalists", "residents").
              side = Side{SideKind::kUnknown, std::nullopt};
            } else {
              // Civilians are the place's state's unless an adjective says otherwise.
              side = Side{SideKind::kCivilians, std::nullopt};
              if (!civilians_party.empty()) {
                side->party = actor_ref(actors, civilians_party);
              }
            }
          }
          if (group != nullptr && group->entry->has_attribute("own")) {
            side = side_for_party(actors, claimant_party);
          }
          // The party an actor beside the persons names ("Armenian civilians",
          // "soldiers of Azerbaijan"); not a body that only watches or reports,
          // such as the monitor that tells of them («قال الدفاع المدني السوري إن
          // طفلا قتل»), nor who acted («обстрела со стороны армянских вооруженных
          // сил ранен мирный житель»).
          const auto party_beside = [&]() -> std::string {
            for (const Mention* actor : analysis.in(clause, "actor")) {
              // «القوات الأذربيجانية قتلت جنديين»: the status word between
              // them makes the actor its subject, not the persons' side.
              const bool across_the_verb =
                  actor->range.end <= status->word.begin && group->word.begin >= status->word.end;
              if (view.distance(group->word, actor->word) <= 1 && !across_the_verb) {
                return observer(actors, *actor) || negated_before(view, *actor, "agent_marker", 1)
                           ? std::string()
                           : party_of_mention(actors, *actor);
              }
            }
            return {};
          };
          if (!side && group != nullptr) {
            if (const std::string party = party_beside(); !party.empty()) {
              side = side_for_party(actors, party);
            }
          } else if (side && side->kind == SideKind::kCivilians && group != nullptr) {
            if (const std::string party = party_beside(); !party.empty()) {
              side->party = actor_ref(actors, party);
            }
          }
          // "وقمنا بالرد وقتلنا جنودهم" ("we responded and killed their soldiers"):
          // whom the speaker says it killed are of the side it fights.
          if (!side && status->entry->has_attribute("by_speaker") &&
              is_party(actors, claimant_party)) {
            if (const std::string opponent = opponent_of(view.context, claimant_party);
                !opponent.empty()) {
              side = side_for_party(actors, opponent);
            }
          }
          // The side of the figure before, but a soldier is no civilian ("погиб
          // … мирная жительница. … ранения получил боец").
          const bool combatant = group != nullptr && group->value() == "combatant";
          if (!side && previous && !(combatant && previous->kind == SideKind::kCivilians)) {
            side = previous;
          }
          if (!side) {
            side = side_for_party(actors, claimant_party);
          }
          // "قصفت قوات النظام …، ما أدى إلى مقتل عنصرين" in a monitor's report:
          // persons hit in an event told, whose side no one states, are kept on no
          // stated side. Without an event word of its own ("قُتل الجندى" relayed
          // after the account), such a figure retells the account before it; with
          // no account before it ("Seven soldiers were killed on Tuesday" opening
          // a story), it is the first telling.
          if (!side && (tells_an_event || !told_before(view))) {
            side = Side{SideKind::kUnknown, std::nullopt};
          }
          if (!side) {
            if (!uncounted_persons) {  // a count; "the dead" alone is no figure
              Draft::RetoldFigure told;
              told.figure.side = Side{SideKind::kUnknown, std::nullopt};
              told.figure.status =
                  parse_casualty_status(status->value()).value_or(CasualtyStatus::kKilled);
              told.figure.count = counted_range;
              told.ranges.push_back(status->range);
              if (its_count != nullptr) {
                told.ranges.push_back({its_count->begin, its_count->end});
              }
              if (group != nullptr) {
                told.ranges.push_back(group->range);
                told.persons = std::string(group->value());
              }
              retold.push_back(std::move(told));
            }
            return;
          }
          previous = side;

          Figure figure;
          figure.figure.side = *side;
          figure.figure.status =
              parse_casualty_status(status->value()).value_or(CasualtyStatus::kKilled);
          figure.figure.count = counted_range;
          figure.counted = !uncounted_persons;
          figure.fighters = combatant;
          figure.unnamed = group == nullptr;
          figure.ranges.push_back(status->range);
          if (its_count != nullptr) {
            figure.ranges.push_back({its_count->begin, its_count->end});
          }
          if (group != nullptr) {
            figure.ranges.push_back(group->range);
          }
          if (other_persons != nullptr) {
            figure.ranges.push_back(other_persons->range);
          }
          for (const auto& [number, persons] : listed_persons) {
            figure.ranges.push_back({number->begin, number->end});
            figure.ranges.push_back(persons->range);
          }
          if (breaks_down(view, figures, figure)) {
            return;
          }
          figures.push_back(std::move(figure));
        };
    // "three soldiers and four civilians were killed": the groups listed
    // before the persons counted are killed too, each its own figure.
    const std::size_t first_of_status = figures.size();
    if (person != nullptr && person->word.end <= status->word.begin && !shared.count(status)) {
      for (const auto& [group_count, group] : listed_before(view, *person, count, counts)) {
        add_figure(group, nullptr, group_count, count_of_group(group_count, *group), false, {});
      }
    }
    add_figure(person, others, count, *range, uncounted, listed);
    // «погибли двое военнослужащих и один мирный житель», "killed two soldiers
    // and three civilians": counted groups of other kinds listed after the
    // persons the status word is said of after it are its too.
    if (person != nullptr && person->word.begin >= status->word.end &&
        (count == nullptr ? counts_itself(view, *person)
                          : count->figure_end <= person->word.begin) &&
        shared.count(status) == 0) {
      const std::uint32_t list_from =
          listed.empty() ? person->word.end : listed.back().second->word.end;
      // After a counted group, a single person of its kind ("two children and
      // a woman").
      const bool single = count == nullptr && person->entry->attribute("count").empty();
      for (const auto& [group_count, group] :
           groups_listed_from(view, list_from, view.sentence_of(status->range.begin).range, nullptr,
                              counts, true, single ? nullptr : person)) {
        add_figure(group, nullptr, group_count, count_of_group(group_count, *group), false, {});
      }
    }
    // "five children and four women were killed": groups of one side are one figure.
    for (std::size_t i = first_of_status; i < figures.size(); ++i) {
      for (std::size_t j = i + 1; j < figures.size();) {
        if (figures[j].figure.side != figures[i].figure.side) {
          ++j;
          continue;
        }
        CountRange& sum = figures[i].figure.count;
        const CountRange& more = figures[j].figure.count;
        sum.min += more.min;
        sum.max =
            sum.max && more.max ? std::optional<std::int64_t>(*sum.max + *more.max) : std::nullopt;
        figures[i].counted = figures[i].counted && figures[j].counted;
        figures[i].fighters = figures[i].fighters || figures[j].fighters;
        figures[i].ranges.insert(figures[i].ranges.end(), figures[j].ranges.begin(),
                                 figures[j].ranges.end());
        figures.erase(figures.begin() + static_cast<std::ptrdiff_t>(j));
      }
    }
  }
  return figures;
}

bool speaks_of_own_side(const FrameView& view, const std::string& claimant_party,
                        const std::string& perpetrator_party, const Draft& draft);

// "no casualties" on the speaker's side when it speaks of its own side (see
// speaks_of_own_side), else on no stated side ("no one was hurt" in a report
// of fire by someone unknown on a joint patrol). `settlement_hit`: the act
// struck a town or village (hit_a_settlement).
void read_no_casualties(const FrameView& view, const std::string& claimant_party,
                        const std::string& perpetrator_party, const std::string& civilians_party,
                        const Draft& draft, bool settlement_hit, std::vector<Figure>& figures) {
  const auto none = view.all("casualty_none");
  if (none.empty()) {
    return;
  }
  const bool own_side = speaks_of_own_side(view, claimant_party, perpetrator_party, draft);
  // "no injuries" (status=wounded) says nothing of the dead; "civilians were
  // not hurt" is about civilians.
  const Mention& phrase = *none.front();
  const std::string_view only = phrase.entry->attribute("status");
  Side side = own_side && !claimant_party.empty()
                  ? *side_for_party(view.context.actors, claimant_party)
                  : Side{SideKind::kUnknown, std::nullopt};
  const auto of_civilians = [&] {
    side.kind = SideKind::kCivilians;
    side.party.reset();
    if (!civilians_party.empty()) {
      side.party = actor_ref(view.context.actors, civilians_party);
    }
  };
  // "The Azerbaijani side suffered no losses", "no casualties on the Indian
  // side", «потерь среди личного состава азербайджанской армии нет»: a party
  // named beside the words, not the one that acted nor one that speaks ("…,
  // the Russian Defence Ministry said"), is whose they are.
  const ActorRegistry& actors = view.context.actors;
  const Range clause = view.clause_of(phrase.range.begin);
  const auto speaks = [&](const Mention& actor) {
    const MentionList verbs = view.analysis.in(view.clause_of(actor.word.begin), "attribution");
    return std::any_of(verbs.begin(), verbs.end(), [&](const Mention* verb) {
      return view.distance(verb->word, actor.word) <= 1;
    });
  };
  for (const Mention* actor : view.analysis.in(clause, "actor")) {
    if (view.distance(actor->word, phrase.word) > kNearWords || observer(actors, *actor) ||
        speaks(*actor)) {
      continue;
    }
    const std::string party = party_of_mention(actors, *actor);
    if (is_party(actors, party) && party != perpetrator_party) {
      if (const std::optional<Side> named = side_for_party(actors, party)) {
        side = *named;
      }
    }
  }
  for (const Mention* person : view.analysis.in(clause, "person")) {
    if (person->value() == "civilian" && view.distance(person->word, phrase.word) <= 3) {
      of_civilians();
    }
  }
  // "разрушен и дотла сгорел частный дом, никто не пострадал", "bombarded X
  // village, but no casualties were reported": where a civilian object or a
  // settlement was hit, the no one hurt are civilians.
  if (side.kind == SideKind::kUnknown) {
    const auto assets = view.all("asset");
    if (settlement_hit || std::any_of(assets.begin(), assets.end(), [](const Mention* asset) {
          return asset->entry->has_attribute("civilian");
        })) {
      of_civilians();
    }
  }
  for (CasualtyStatus status : {CasualtyStatus::kKilled, CasualtyStatus::kWounded}) {
    if (!only.empty() && only != to_string(status)) {
      continue;
    }
    const bool stated = std::any_of(figures.begin(), figures.end(), [&](const Figure& f) {
      return f.figure.status == status && f.figure.side == side;
    });
    if (stated) {
      continue;
    }
    Figure figure;
    figure.figure.side = side;
    figure.figure.status = status;
    figure.figure.count = exactly(0);
    figure.ranges.push_back(none.front()->range);
    figures.push_back(std::move(figure));
  }
}

// `count` of the wounded of the last exact wounded figure before `death`,
// which counts more of them, died: they join the killed of the same side.
void move_the_dead_of_the_wounded(std::vector<Figure>& figures, const NumberMention& count,
                                  const Mention& death) {
  if (!count.count.max || *count.count.max != count.count.min || count.count.min < 1) {
    return;
  }
  const std::int64_t dead = count.count.min;
  const auto wounded = std::find_if(figures.rbegin(), figures.rend(), [&](const Figure& figure) {
    return figure.figure.status == CasualtyStatus::kWounded && figure.figure.count.max &&
           *figure.figure.count.max == figure.figure.count.min && figure.figure.count.min > dead &&
           !figure.ranges.empty() && figure.ranges.front().end <= death.range.begin;
  });
  if (wounded == figures.rend()) {
    return;
  }
  wounded->figure.count = exactly(wounded->figure.count.min - dead);
  wounded->ranges.push_back(death.range);
  const Side side = wounded->figure.side;
  const auto killed = std::find_if(figures.begin(), figures.end(), [&](const Figure& figure) {
    return figure.figure.status == CasualtyStatus::kKilled && figure.figure.side == side &&
           figure.figure.count.max && *figure.figure.count.max == figure.figure.count.min;
  });
  if (killed != figures.end()) {
    killed->figure.count = exactly(killed->figure.count.min + dead);
    killed->ranges.push_back(death.range);
    return;
  }
  Figure died;
  died.figure.side = side;
  died.figure.status = CasualtyStatus::kKilled;
  died.figure.count = exactly(dead);
  died.ranges = {Range{count.begin, count.end}, death.range};
  figures.push_back(std::move(died));
}

// "Раненого госпитализировали, однако через два часа он умер", "died of his
// wounds", «توفي متأثرا بجراحه»: one wounded person told before died. The last
// figure of one wounded before the words, with no count beside them, becomes
// one dead (a lead that told the death already is the same figure, and counts
// once). A count beside them («скончался ещё один») is a toll of its own, or,
// read by no status word («توفي أحدهم»), how many of the wounded died.
void read_deaths_of_the_wounded(const FrameView& view, std::vector<Figure>& figures) {
  for (const Mention* death : view.all("died_of_wounds")) {
    bool counted_beside = false;
    if (const NumberMention* dead = dead_of_the_wounded(view, *death, counted_beside)) {
      move_the_dead_of_the_wounded(figures, *dead, *death);
      continue;
    }
    if (counted_beside) {
      continue;  // "ещё один скончался", "скончались трое": a toll of its own
    }
    const auto wounded = std::find_if(figures.rbegin(), figures.rend(), [&](const Figure& figure) {
      return figure.figure.status == CasualtyStatus::kWounded &&
             figure.figure.count == exactly(1) && !figure.ranges.empty() &&
             figure.ranges.front().end <= death->range.begin;
    });
    if (wounded == figures.rend()) {
      continue;
    }
    wounded->figure.status = CasualtyStatus::kKilled;
    wounded->ranges.push_back(death->range);
  }
}

// Whether the claimant tells of its own side's losses: another party did it
// (the claimant's side was hit), it names its side in the fighting, or it
// says "our".
bool speaks_of_own_side(const FrameView& view, const std::string& claimant_party,
                        const std::string& perpetrator_party, const Draft& draft) {
  if (!perpetrator_party.empty() && perpetrator_party != claimant_party) {
    return true;
  }
  if (std::find(draft.sides.begin(), draft.sides.end(), claimant_party) != draft.sides.end()) {
    return true;
  }
  const auto persons = view.all("person");
  return std::any_of(persons.begin(), persons.end(),
                     [](const Mention* person) { return person->entry->has_attribute("own"); });
}

struct Asset {
  AssetChange change;
  std::vector<Range> ranges;
};

// "военного объекта ВС Армении", "the positions of the X army", "the X Army
// positions": an actor at most two words after an asset word (not after an
// agent word: "destroyed by the X army") or right before it owns it.
bool owns_asset(const FrameView& view, const Mention& actor, const Mention& asset) {
  const Analysis& analysis = view.analysis;
  if (asset.range.end <= actor.word.begin) {
    return analysis.words_between(asset.range.end, actor.word.begin) <= 2 &&
           !negated_before(view, actor, "agent_marker", 0);
  }
  // "Armenian positions"; not «قصف قوات النظام قرية تديل», where the actor
  // right after the act's word is who did it and the village what was hit.
  if (!actor.entry->has_attribute("adjective")) {
    for (const Mention* event : analysis.in(
             {actor.word.begin > 64 ? actor.word.begin - 64 : 0, actor.word.begin}, "event")) {
      if (event->range.end <= actor.word.begin &&
          analysis.words_between(event->range.end, actor.word.begin) == 0) {
        return false;
      }
    }
  }
  return actor.range.end <= asset.range.begin &&
         analysis.words_between(actor.range.end, asset.range.begin) == 0;
}

std::vector<Asset> read_assets(const FrameView& view, const std::string& claimant_party,
                               const std::string& perpetrator_party) {
  const Analysis& analysis = view.analysis;
  const ActorRegistry& actors = view.context.actors;
  std::vector<Asset> assets;
  for (const Mention* noun : view.all("asset")) {
    const Range clause = view.clause_of(noun->range.begin);
    const Mention* outcome = nullptr;
    std::uint32_t best = kNearWords + 1;
    for (const Mention* candidate : analysis.in(clause, "asset_outcome")) {
      if (candidate->entry->has_attribute("gainer_after")) {
        continue;
      }
      const std::uint32_t words = view.distance(noun->word, candidate->word);
      if (words < best) {
        best = words;
        outcome = candidate;
      }
    }
    const Mention* control = nullptr;
    for (const Mention* candidate : analysis.in(clause, "asset_outcome")) {
      if (candidate->entry->has_attribute("gainer_after") &&
          view.distance(noun->word, candidate->word) <= kNearWords) {
        control = candidate;
      }
    }
    if (outcome == nullptr) {
      outcome = control;
    }
    if (outcome == nullptr) {
      continue;
    }

    Asset asset;
    asset.change.kind = parse_asset_kind(noun->value()).value_or(AssetKind::kPosition);
    asset.change.outcome = parse_asset_outcome(outcome->value()).value_or(AssetOutcome::kLost);
    if (!noun->entry->attribute("count").empty()) {
      asset.change.count =
          exactly(std::atoll(std::string(noun->entry->attribute("count")).c_str()));
    } else {
      for (const NumberMention* number : numbers_right_before(analysis, noun->word.begin)) {
        asset.change.count = number->count;
        asset.ranges.push_back({number->begin, number->end});
      }
    }
    std::string gainer;
    if (control != nullptr) {
      for (const Mention* actor : analysis.in(clause, "actor")) {
        if (actor->range.begin >= control->range.end &&
            analysis.words_between(control->range.end, actor->range.begin) <= 1) {
          gainer = party_of_mention(actors, *actor);
          asset.ranges.push_back(control->range);
          asset.ranges.push_back(actor->range);
          break;
        }
      }
    }
    const bool taken = asset.change.outcome == AssetOutcome::kCaptured ||
                       asset.change.outcome == AssetOutcome::kOverrun ||
                       asset.change.outcome == AssetOutcome::kLost;
    if (gainer.empty() && taken && perpetrator_party != claimant_party) {
      gainer = perpetrator_party;
    }
    // The owner by owns_asset; else the claimant's side tells of its own
    // ("lost two positions").
    std::string owner;
    for (const Mention* actor : analysis.in(clause, "actor")) {
      if (owns_asset(view, *actor, *noun)) {
        owner = party_of_mention(actors, *actor);
        asset.ranges.push_back(actor->range);
        break;
      }
    }
    if (owner.empty() && gainer != claimant_party) {
      owner = claimant_party;
    }
    if (!owner.empty() && owner != gainer) {
      asset.change.owner = actor_ref(actors, owner);
    }
    if (!gainer.empty()) {
      asset.change.gainer = actor_ref(actors, gainer);
    }
    const Range words{std::min(noun->word.begin, outcome->word.begin),
                      std::max(noun->word.end, outcome->word.end)};
    asset.change.description = analysis.original_text(words);
    asset.ranges.push_back(noun->range);
    asset.ranges.push_back(outcome->range);
    assets.push_back(std::move(asset));
  }
  return assets;
}

// The calibre written just before a weapon ("82-mm mortar", "82 мм").
std::string calibre_before(const Analysis& analysis, const Mention& weapon) {
  for (const Mention* unit :
       analysis.in({weapon.word.begin > 24 ? weapon.word.begin - 24 : 0, weapon.word.begin},
                   "calibre_unit")) {
    if (analysis.words_between(unit->word.end, weapon.word.begin) > 1) {
      continue;
    }
    std::uint32_t start = unit->word.begin;
    const std::string_view text = analysis.normalized.text;
    while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '-')) {
      --start;
    }
    std::uint32_t digits = start;
    while (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9') {
      --digits;
    }
    if (digits < start) {
      return analysis.original_text({digits, unit->word.end});
    }
  }
  return {};
}

// From admin1 up (a province, a region, a line of contact): a village named
// beside such a place is where the event happened.
constexpr int kCoarseRank = static_cast<int>(LocationPrecision::kAdmin1);

// Above any precision code: an origin of fire ranks after every other place.
constexpr int kOriginRankPenalty = 100;
// Below any precision code: a place the text says the event took place at.
constexpr int kLocusRank = 0;

struct Located {
  Place place;
  std::vector<Range> ranges;
  int rank = 99;
  const GazetteerPlace* known = nullptr;  // the gazetteer's entry, when it has one
  bool listed = false;                    // a list of places across divisions
};

Located place_from_gazetteer(const FrameView& view, const Mention& mention,
                             const GazetteerPlace* found) {
  Located located;
  Range words = mention.word;
  // "منطقة جبل كيليسالي", "the village of Chinari": the name as written; not
  // a word that names what stands before it ("Naugam Sector, Kupwara").
  for (bool extended = true; extended;) {
    extended = false;
    for (const Mention* prefix :
         view.analysis.in({words.begin > 64 ? words.begin - 64 : 0, words.begin}, "place_prefix")) {
      if (prefix->word.end <= words.begin && !prefix->entry->has_attribute("name_before") &&
          view.analysis.words_between(prefix->word.end, words.begin) == 0) {
        words.begin = prefix->word.begin;
        located.ranges.push_back(prefix->range);
        extended = true;
      }
    }
  }
  located.place = view.context.places.to_place(*found, view.analysis.original_text(words));
  located.ranges.push_back(mention.range);
  located.rank = static_cast<int>(found->precision);
  located.known = found;
  return located;
}

std::string country_of(const ActorRegistry& actors, const std::string& party) {
  const Actor* actor = actors.find(party);
  return actor != nullptr ? actor->country : std::string();
}

// "at the border", "на границе двух стран", "حدودهما المشتركة": a border no
// country is named beside is the one between the states of the account: its
// parties first, then the actors its sentences name, then those of the whole
// text; the first two that share a border.
std::optional<Located> border_of_parties(const FrameView& view, const Mention& border,
                                         const std::vector<std::string>& parties) {
  const ActorRegistry& actors = view.context.actors;
  // Views of the registry's and the lexicon's strings: this looks at every
  // actor mention of the text, and a copy of each party and country name cost
  // more than the rest of the lookup.
  std::vector<std::string_view> countries;
  const auto add = [&](std::string_view party) {
    const Actor* actor = actors.find(party);
    if (actor != nullptr && !actor->country.empty() &&
        std::find(countries.begin(), countries.end(), actor->country) == countries.end()) {
      countries.push_back(actor->country);
    }
  };
  const auto add_party_of = [&](const Mention& mention) {
    const std::string& party = actors.party_of(mention.value());
    add(party.empty() ? mention.value() : std::string_view(party));
  };
  for (const std::string& party : parties) {
    add(party);
  }
  for (const Mention* actor : view.all("actor")) {
    add_party_of(*actor);
  }
  if (!view.context.text_countries) {
    std::vector<std::string_view> of_frame = std::move(countries);
    countries.clear();
    for (const Mention* actor : view.analysis.all_of("actor")) {
      add_party_of(*actor);
    }
    view.context.text_countries = std::move(countries);
    countries = std::move(of_frame);
  }
  for (std::string_view country : *view.context.text_countries) {
    if (std::find(countries.begin(), countries.end(), country) == countries.end()) {
      countries.push_back(country);
    }
  }
  for (std::size_t a = 0; a < countries.size(); ++a) {
    for (std::size_t b = a + 1; b < countries.size(); ++b) {
      const auto borders = view.context.places.borders_between(countries[a], countries[b]);
      if (borders.empty()) {
        continue;
      }
      Located located;
      located.place =
          view.context.places.to_place(*borders.front(), view.analysis.original_text(border.word));
      located.ranges = {border.range};
      located.rank = static_cast<int>(borders.front()->precision);
      located.known = borders.front();
      return located;
    }
  }
  return std::nullopt;
}

// "the border with Armenia", "للحدود الأرمينية": the border between the country
// named and the other party of the account.
std::optional<Located> border_place(const FrameView& view, const Mention& border,
                                    const std::vector<std::string>& parties) {
  const Analysis& analysis = view.analysis;
  const ActorRegistry& actors = view.context.actors;
  const Range clause = view.clause_of(border.range.begin);
  std::string named;
  Range named_range{};
  // After the border word within two words ("the border with Armenia",
  // "الحدود مع أرمينيا"); before it only right before ("the Armenian border"):
  // "القوات الأذربيجانية على الحدود" are forces at the border, not its name.
  const auto names_the_border = [&](Range word) {
    return word.begin >= border.word.end ? view.distance(border.word, word) <= 2
                                         : analysis.words_between(word.end, border.word.begin) == 0;
  };
  // "the border between Azerbaijan and Georgia", «الحدود بين أذربيجان وجورجيا»:
  // two countries named one after the other right after the border word.
  std::vector<std::pair<std::string, Range>> countries_after;
  for (const bool of_actors : {true, false}) {
    for (const Mention* mention :
         analysis.in({border.word.end, clause.end}, of_actors ? Category("actor") : "place")) {
      std::string country;
      if (of_actors) {
        const Actor* actor = actors.find(party_of_mention(actors, *mention));
        country = actor != nullptr && actor->kind == "state" ? actor->country : std::string();
      } else if (const GazetteerPlace* found = view.context.places.find(mention->value());
                 found != nullptr && found->type == "country" && !found->countries.empty()) {
        country = found->countries.front();
      }
      if (!country.empty()) {
        countries_after.emplace_back(std::move(country), mention->word);
      }
    }
  }
  std::sort(countries_after.begin(), countries_after.end(),
            [](const auto& a, const auto& b) { return a.second.begin < b.second.begin; });
  for (std::size_t i = 0; i + 1 < countries_after.size(); ++i) {
    const auto& [first, first_word] = countries_after[i];
    const auto& [second, second_word] = countries_after[i + 1];
    if (first == second || view.distance(border.word, first_word) > 2 ||
        view.distance(first_word, second_word) > 2) {
      continue;
    }
    const auto borders = view.context.places.borders_between(first, second);
    if (borders.empty()) {
      break;
    }
    Located located;
    located.place = view.context.places.to_place(
        *borders.front(), analysis.original_text({border.word.begin, second_word.end}));
    located.ranges = {border.range, first_word, second_word};
    located.rank = static_cast<int>(borders.front()->precision);
    located.known = borders.front();
    return located;
  }
  for (const Mention* actor : analysis.in(clause, "actor")) {
    if (names_the_border(actor->word)) {
      named = party_of_mention(actors, *actor);
      named_range = actor->word;
      break;
    }
  }
  if (named.empty()) {
    for (const Mention* place : analysis.in(clause, "place")) {
      const GazetteerPlace* found = view.context.places.find(place->value());
      if (found != nullptr && found->type == "country" && names_the_border(place->word)) {
        named = found->countries.empty() ? "" : found->countries.front();
        named_range = place->word;
        break;
      }
    }
    if (named.empty()) {
      return border_of_parties(view, border, parties);
    }
  } else {
    named = country_of(actors, named);
  }
  for (const std::string& party : parties) {
    const std::string other = country_of(actors, party);
    if (other.empty() || other == named) {
      continue;
    }
    const auto borders = view.context.places.borders_between(named, other);
    if (borders.empty()) {
      continue;
    }
    const GazetteerPlace* found = borders.front();
    Located located;
    const Range words{std::min(border.word.begin, named_range.begin),
                      std::max(border.word.end, named_range.end)};
    located.place = view.context.places.to_place(*found, analysis.original_text(words));
    located.ranges = {border.range, named_range};
    located.rank = static_cast<int>(found->precision);
    located.known = found;
    return located;
  }
  return std::nullopt;
}

// «огонь по Горловке», against «переговоры по Карабаху»: a word that marks
// both a topic and a target marks the target right after an act of violence.
bool marks_a_target(const Analysis& analysis, const Mention& marker) {
  if (analysis.in(marker.range, "target_marker").empty()) {
    return false;
  }
  // Bytes: an event word and two names in Cyrillic or Arabic letters.
  constexpr std::uint32_t kReach = 160;
  const std::uint32_t from = marker.word.begin > kReach ? marker.word.begin - kReach : 0;
  const MentionList events = analysis.in({from, marker.word.begin}, "event");
  const MentionList agents = analysis.in({from, marker.word.begin}, "actor");
  // «авиаудары российских ВКС по Идлибу»: the one who struck, in a name or
  // two, may stand between.
  constexpr int kAgentNames = 2;
  const auto right_before = [&](const Mention& event) {
    std::uint32_t at = event.word.end;
    for (int names = 0; names <= kAgentNames; ++names) {
      if (analysis.words_between(at, marker.word.begin) == 0) {
        return true;
      }
      const auto next = std::find_if(agents.begin(), agents.end(), [&](const Mention* agent) {
        return agent->word.begin >= at && agent->word.end <= marker.word.begin &&
               analysis.words_between(at, agent->word.begin) == 0;
      });
      if (next == agents.end()) {
        return false;
      }
      at = (*next)->word.end;
    }
    return false;
  };
  return std::any_of(events.begin(), events.end(), [&](const Mention* event) {
    const auto type = parse_event_type(event->value());
    return type && group_of(*type) == EventGroup::kViolence &&
           event->word.end <= marker.word.begin && right_before(*event);
  });
}

// «переговоры по Карабаху», "the conflict over X": a place right after a
// topic word is what is talked about, not where anything happened.
bool is_topic(const FrameView& view, const Mention& place) {
  const Analysis& analysis = view.analysis;
  // "discussed the situation at the border", «обсудили ситуацию на границе»:
  // what talks are about (an event word with `about`) is no place of them.
  const Range clause = view.clause_of(place.word.begin);
  const MentionList said_about = analysis.in({clause.begin, place.word.begin}, "event");
  if (std::any_of(said_about.begin(), said_about.end(),
                  [](const Mention* word) { return word->entry->has_attribute("about"); })) {
    return true;
  }
  for (const Mention* marker : analysis.in(
           {place.word.begin > 48 ? place.word.begin - 48 : 0, place.word.begin}, "topic_marker")) {
    if (analysis.words_between(marker->word.end, place.word.begin) == 0 &&
        !marks_a_target(analysis, *marker)) {
      return true;
    }
  }
  // "border demarcation": some topic words follow the place they are about.
  for (const Mention* marker : analysis.in({place.word.end, place.word.end + 48}, "topic_marker")) {
    if (marker->entry->has_attribute("follows") && marker->word.begin >= place.word.end &&
        analysis.words_between(place.word.end, marker->word.begin) == 0) {
      return true;
    }
  }
  return false;
}

// "launched from the territory of occupied X, it exploded in Y": a place
// shortly after an origin word in its clause is where fire came from.
constexpr std::uint32_t kOriginMaxWords = 5;
bool is_origin(const FrameView& view, const Mention& place) {
  const Range clause = view.clause_of(place.word.begin);
  const MentionList nearness = view.analysis.in({clause.begin, place.word.begin}, "proximity");
  for (const Mention* marker :
       view.analysis.in({clause.begin, place.word.begin}, "origin_marker")) {
    // «بالقرب من قرية …», "near the village of": the "from" of a word for
    // nearness is no origin.
    if (std::any_of(nearness.begin(), nearness.end(),
                    [&](const Mention* near) { return near->range.overlaps(marker->range); })) {
      continue;
    }
    // «Подразделения …, дислоцированные в направлении села A, подвергли обстрелу
    // позиции …, расположенные в направлении села B»: where the units stand
    // (attribute `before_act`) is where fire came from only before the act;
    // after it, where those it hit stand.
    if (marker->entry->has_attribute("before_act")) {
      const Range sentence = view.sentence_of(place.word.begin).range;
      const MentionList later = view.analysis.in({place.word.end, sentence.end}, "event");
      if (std::none_of(later.begin(), later.end(), [](const Mention* event) {
            const auto type = parse_event_type(event->value());
            return type && group_of(*type) == EventGroup::kViolence;
          })) {
        continue;
      }
    }
    // "from the settlement of Yukhari Shorja of the Basarkechar district": an
    // unknown name and its links may stand between, but no event ("the
    // de-escalation zone in Idleb" names a place, no event).
    if (marker->word.end <= place.word.begin &&
        view.analysis.words_between(marker->word.end, place.word.begin) <= kOriginMaxWords) {
      const MentionList between = view.analysis.in({marker->word.end, place.word.begin}, "event");
      if (std::all_of(between.begin(), between.end(),
                      [&](const Mention* event) { return inside_a_name(view.analysis, *event); })) {
        return true;
      }
    }
  }
  return false;
}

// "handed over 15 prisoners in exchange for maps of the fields where 92,000
// mines were laid in Karabakh": a place after an `in_return` word in its clause
// tells of what was given in return, not where the event happened.
bool in_what_was_given(const FrameView& view, const Mention& place) {
  const Range clause = view.clause_of(place.word.begin);
  const MentionList markers = view.analysis.in({clause.begin, place.word.begin}, "in_return");
  return std::any_of(markers.begin(), markers.end(),
                     [&](const Mention* marker) { return marker->word.end <= place.word.begin; });
}

// "bombarded Khirbat al-Naqus village", «обстреляли окраины Горловки», «قصف
// قرية …»: a town or village right after an act of violence in its clause (a
// word or three between) is what the act struck, unless its sentence names a
// military object ("shelled army positions near …", "a tank was damaged").
constexpr std::uint32_t kObjectMaxWords = 3;
bool hit_a_settlement(const FrameView& view, const Mention& event, const Located& place) {
  if (place.known == nullptr || place.known->type != "settlement") {
    return false;
  }
  const auto type = parse_event_type(event.value());
  if (!type || group_of(*type) != EventGroup::kViolence) {
    return false;
  }
  // A military object: positions, equipment or a non-civilian building in the
  // act's sentence, or something the account says was damaged or destroyed
  // that is no civilian object ("a tank was damaged"); a village is none.
  const auto civilian = [](const Mention* asset) {
    return asset->entry->has_attribute("civilian");
  };
  const MentionList assets = view.analysis.in(view.sentence_of(event.range.begin).range, "asset");
  const auto all_assets = view.all("asset");
  const bool military_object =
      std::any_of(assets.begin(), assets.end(),
                  [&](const Mention* asset) {
                    const std::string_view kind = asset->value();
                    return !civilian(asset) &&
                           (kind == "position" || kind == "equipment" || kind == "infrastructure");
                  }) ||
      (!view.all("asset_outcome").empty() &&
       std::none_of(all_assets.begin(), all_assets.end(), civilian));
  if (military_object) {
    return false;
  }
  const Range clause = view.clause_of(event.range.begin);
  return std::any_of(place.ranges.begin(), place.ranges.end(), [&](Range name) {
    return name.begin >= event.word.end && clause.contains(name.begin) &&
           view.analysis.words_between(event.word.end, name.begin) <= kObjectMaxWords;
  });
}

// "clashes near the disputed Nagorno-Karabakh region": what happened near a
// region or an area happened outside it, so the area does not say where.
constexpr std::uint32_t kNearMaxWords = 3;
bool just_outside_an_area(const FrameView& view, const Mention& place,
                          const GazetteerPlace& found) {
  if (found.type != "region" && found.type != "area") {
    return false;
  }
  const Range clause = view.clause_of(place.word.begin);
  const MentionList nearness = view.analysis.in({clause.begin, place.word.begin}, "proximity");
  return std::any_of(nearness.begin(), nearness.end(), [&](const Mention* near) {
    return near->word.end <= place.word.begin &&
           view.analysis.words_between(near->word.end, place.word.begin) <= kNearMaxWords;
  });
}

// `группа "Горловка"`, an operation "Olive Branch": a place name in quotation
// marks names a thing, unless a place word stands before it (قطاع "كوتكوتيرا").
bool names_a_thing(const FrameView& view, const Mention& place) {
  const std::string_view text = view.analysis.normalized.text;
  const Range word = place.word;
  if (word.begin < 2 || word.end >= text.size() || text[word.begin - 1] != '"' ||
      text[word.end] != '"') {
    return false;
  }
  const std::uint32_t quote = word.begin - 1;
  for (const Mention* prefix :
       view.analysis.in({quote > 64 ? quote - 64 : 0, quote}, "place_prefix")) {
    if (prefix->word.end <= quote && view.analysis.words_between(prefix->word.end, quote) == 0) {
      return false;
    }
  }
  return text[quote - 1] == ' ';
}

// Of the places that bear the name a mention found ("Poonch": a district in
// India, a division in Pakistan-administered Kashmir), the one the document
// points at: a place it names elsewhere that contains the candidate (3) or
// shares its division (2), a country of the parties or of the other places
// named (1). Ties go to the finer place, then to data order.
// Whether other places bear the name `mention` was matched by besides
// `place`, the one its entry names. A place that shares no name with another
// (most of them) answers without the gazetteer's table of names, whose lookup
// misses the cache at every step: place entries are the gazetteer's names
// (Gazetteer::load hands them to the lexicon), so the name is one of its own.
bool several_bear_the_name(const Gazetteer& places, const Mention& mention,
                           const GazetteerPlace* place) {
  if (place != nullptr && !place->shares_a_name) {
    return false;
  }
  return places.named_count(mention.entry->language, mention.entry->phrase) > 1;
}

const UnambiguousPlaces& unambiguous_places_of(const FrameView& view) {
  if (view.context.unambiguous_places) {
    return *view.context.unambiguous_places;
  }
  const Gazetteer& places = view.context.places;
  auto& unambiguous = view.context.unambiguous_places.emplace();
  for (const Mention* other : view.analysis.all_of("place")) {
    const GazetteerPlace* place = places.find(other->value());
    if (several_bear_the_name(places, *other, place)) {
      continue;
    }
    if (place != nullptr) {
      unambiguous.mentions.emplace_back(other, place);
      unambiguous.longest = std::max(unambiguous.longest, other->range.end - other->range.begin);
      tally(unambiguous.places, place);
      for (const std::string& country : place->countries) {
        tally(unambiguous.countries, std::string_view(country));
      }
    }
  }
  return unambiguous;
}

const GazetteerPlace* resolve_homonym(const FrameView& view, const Mention& mention,
                                      const GazetteerPlace* found,
                                      const std::vector<std::string>& parties) {
  const Gazetteer& places = view.context.places;
  if (!several_bear_the_name(places, mention, found)) {
    return found;
  }
  const std::vector<const GazetteerPlace*> candidates =
      places.named(mention.entry->language, mention.entry->phrase);
  const UnambiguousPlaces& unambiguous = unambiguous_places_of(view);
  // The other places of the text with one bearer, each with how often it is
  // named: not those named where this mention is (a longer name holding it).
  auto named = unambiguous.places;
  auto named_countries = unambiguous.countries;
  const std::uint32_t reach =
      mention.range.begin > unambiguous.longest ? mention.range.begin - unambiguous.longest : 0;
  const auto& mentions = unambiguous.mentions;
  auto other = std::lower_bound(
      mentions.begin(), mentions.end(), reach,
      [](const auto& entry, std::uint32_t at) { return entry.first->range.begin < at; });
  for (; other != mentions.end() && other->first->range.begin < mention.range.end; ++other) {
    if (!other->first->range.overlaps(mention.range)) {
      continue;
    }
    for (auto& [place, count] : named) {
      count -= place == other->second ? 1 : 0;
    }
    for (const std::string& country : other->second->countries) {
      for (auto& [code, count] : named_countries) {
        count -= code == country ? 1 : 0;
      }
    }
  }
  std::vector<std::string> of_parties;
  of_parties.reserve(parties.size());
  for (const std::string& party : parties) {
    of_parties.push_back(country_of(view.context.actors, party));
  }
  std::vector<std::string_view> countries(of_parties.begin(), of_parties.end());
  for (const auto& [code, count] : named_countries) {
    if (count > 0) {
      countries.push_back(code);
    }
  }
  const GazetteerPlace* best = found;
  int best_score = -1;
  for (const GazetteerPlace* candidate : candidates) {
    int score = 0;
    for (const auto& [place, count] : named) {
      if (count <= 0) {
        continue;
      }
      if (place->id != candidate->id && places.within(candidate->id, place->id)) {
        score += 3 * count;
      } else if (!candidate->admin1.empty() &&
                 (place->admin1 == candidate->admin1 || place->id == candidate->admin1)) {
        score += 2 * count;
      }
    }
    if (std::any_of(candidate->countries.begin(), candidate->countries.end(),
                    [&](const std::string& code) {
                      return std::find(countries.begin(), countries.end(), code) != countries.end();
                    })) {
      score += 1;
    }
    if (score > best_score || (score == best_score && candidate->precision < best->precision)) {
      best = candidate;
      best_score = score;
    }
  }
  return best;
}

// The place a "this direction" points back to: the last one named before it
// in the text that is neither a country, an actor, a topic nor an origin of fire.
std::optional<Located> antecedent_place(const FrameView& view, const Mention& anaphor,
                                        const std::vector<std::string>& parties) {
  const MentionList before = view.analysis.in({0, anaphor.range.begin}, "place");
  const MentionList actors = view.analysis.in({0, anaphor.range.begin}, "actor");
  // "жилой массив города", "the village": a word for a kind of place (the
  // lexicon value, a gazetteer type) points back to the last place of that kind.
  const std::string_view kind = anaphor.value() == "-" ? std::string_view() : anaphor.value();
  // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
  for (auto mention = before.rbegin(); mention != before.rend(); ++mention) {
    const GazetteerPlace* found = view.context.places.find((*mention)->value());
    if (found == nullptr) {
      continue;
    }
    found = resolve_homonym(view, **mention, found, parties);
    if (!kind.empty() && found->type != kind) {
      continue;
    }
    const bool names_an_actor =
        std::any_of(actors.begin(), actors.end(),
                    [&](const Mention* actor) { return actor->range.overlaps((*mention)->range); });
    if (found->type == "country" || names_an_actor || is_topic(view, **mention) ||
        is_origin(view, **mention)) {
      continue;
    }
    Located located;
    located.place = view.context.places.to_place(*found, view.analysis.original_text(anaphor.word));
    located.ranges = {anaphor.range, (*mention)->range};
    located.rank = static_cast<int>(found->precision);
    located.known = found;
    return located;
  }
  return std::nullopt;
}

// Whether the text starts with a capital Latin or Cyrillic letter (A-Z, А-Я, Ё).
bool starts_with_a_capital(std::string_view original) {
  const auto lead = static_cast<unsigned char>(original.empty() ? 0 : original[0]);
  if (lead < 0x80) {
    return lead >= 'A' && lead <= 'Z';
  }
  if (lead == 0xD0 && original.size() > 1) {
    const auto second = static_cast<unsigned char>(original[1]);
    return (second >= 0x90 && second <= 0xAF) || second == 0x81;
  }
  return false;
}

// "города Стаханов", "the town of Popasna": a word for a kind of place with
// the name after it (a place or a capitalised word among the next three) names
// that place, it does not point back.
bool names_its_place(const FrameView& view, const Mention& anaphor) {
  if (anaphor.value() == "-") {
    return false;
  }
  const Analysis& analysis = view.analysis;
  const Range rest{anaphor.word.end, view.sentence_of(anaphor.range.begin).range.end};
  for (const Mention* place : analysis.in(rest, "place")) {
    if (analysis.words_between(anaphor.word.end, place->range.begin) <= 1) {
      return true;
    }
    break;
  }
  const auto next =
      std::lower_bound(analysis.word_starts.begin(), analysis.word_starts.end(), anaphor.word.end);
  for (auto word = next; word != analysis.word_starts.end() && word - next < 3 && *word < rest.end;
       ++word) {
    if (starts_with_a_capital(analysis.original_text({*word, *word + 1}))) {
      return true;
    }
  }
  return false;
}

// "Terrorists shelled X, Y and Z in Latakia province, V and W in Hama province
// and a district of Aleppo": a sentence that names places in three first-order
// divisions or more lists many events. None of its places alone is the
// claim's; the list is, as written from its first place to its last, without a
// point, at the precision of its coarsest place ("the border", then "the
// Gegharkunik, Vayots Dzor and Syunik provinces": the list says more). A place
// the gazetteer lacks in the claim's sentences is more telling still.
constexpr std::size_t kListedDivisions = 3;

// "shelled Zaitseve, Horlivka and Dokuchaievsk", «обстреляли Зайцево, Горловку и
// Докучаевск»: three known places or more listed one after the other
// (nothing between two but punctuation or a `list_link` word) tell one event
// over an area, as ACLED and UCDP code it: the smallest place of the
// gazetteer that holds them all (a country does not), at its precision, named
// by the list as written. None of the listed places alone is the claim's.
constexpr std::size_t kListedPlaces = 3;

std::vector<Located> areas_of_lists(const FrameView& view, Range sentence) {
  const Analysis& analysis = view.analysis;
  const Gazetteer& places = view.context.places;
  std::vector<Located> areas;
  std::vector<std::pair<const Mention*, const GazetteerPlace*>> run;
  const auto close_run = [&] {
    if (run.size() >= kListedPlaces) {
      const GazetteerPlace* area = places.find(run.front().second->parent);
      while (area != nullptr && area->type != "country" &&
             !std::all_of(run.begin(), run.end(), [&](const auto& listed) {
               return places.within(listed.second->id, area->id);
             })) {
        area = places.find(area->parent);
      }
      if (area != nullptr && area->type != "country") {
        Located& located = areas.emplace_back();
        located.place = places.to_place(
            *area,
            analysis.original_text({run.front().first->word.begin, run.back().first->word.end}));
        int coarsest = 0;
        for (const auto& listed : run) {
          located.ranges.push_back(listed.first->range);
          coarsest = std::max(coarsest, static_cast<int>(listed.second->precision));
        }
        located.rank = coarsest;
        located.known = area;
      }
    }
    run.clear();
  };
  const auto linked = [&](const Mention& before, const Mention& after) {
    const std::uint32_t words = analysis.words_between(before.word.end, after.word.begin);
    if (words == 0) {
      return true;
    }
    const MentionList links = analysis.in({before.word.end, after.word.begin}, "list_link");
    return links.size() == 1 &&
           analysis.words_between(links.front()->word.begin, links.front()->word.end) == words;
  };
  for (const Mention* mention : analysis.in(sentence, "place")) {
    const GazetteerPlace* found = places.find(mention->value());
    if (found == nullptr || found->type == "country") {
      close_run();
      continue;
    }
    if (!run.empty() && !linked(*run.back().first, *mention)) {
      close_run();
    }
    run.emplace_back(mention, found);
  }
  close_run();
  return areas;
}

std::vector<Located> listed_places(const FrameView& view) {
  std::vector<Located> lists;
  for (const Range& sentence : view.sentence_ranges) {
    std::vector<std::string_view> divisions;
    std::vector<std::string_view> countries;
    std::vector<Range> ranges;
    Range words{};
    int coarsest = 0;
    for (const Mention* mention : view.analysis.in(sentence, "place")) {
      const GazetteerPlace* found = view.context.places.find(mention->value());
      if (found == nullptr || found->type == "country") {
        continue;
      }
      words = ranges.empty() ? mention->word : Range{words.begin, mention->word.end};
      ranges.push_back(mention->range);
      coarsest = std::max(coarsest, static_cast<int>(found->precision));
      const std::string_view division = found->type == "admin1" ? found->id : found->admin1;
      if (!division.empty() &&
          std::find(divisions.begin(), divisions.end(), division) == divisions.end()) {
        divisions.push_back(division);
      }
      for (const std::string& country : found->countries) {
        if (std::find(countries.begin(), countries.end(), country) == countries.end()) {
          countries.emplace_back(country);
        }
      }
    }
    if (divisions.size() < kListedDivisions) {
      for (Located& area : areas_of_lists(view, sentence)) {
        lists.push_back(std::move(area));
      }
      continue;
    }
    Located& list = lists.emplace_back();
    list.place.name = view.analysis.original_text(words);
    list.place.precision = LocationPrecision::kCountry;
    if (countries.size() == 1) {
      list.place.country = std::string(countries.front());
    }
    list.ranges = std::move(ranges);
    list.rank = coarsest;
    list.listed = true;
  }
  return lists;
}

// Whether every word a place was read from lies in `range`.
bool told_in(const Located& located, Range range) {
  return std::all_of(located.ranges.begin(), located.ranges.end(),
                     [&](Range word) { return range.covers(word); });
}

// "Ariha in Idlib", «أريحا في إدلب»: a place named right after another that
// lies inside it or beside it says where that one is; it is not the place
// (though the town of its name may be the better located one).
bool locates_the_place_before(const FrameView& view, const Mention& mention,
                              const GazetteerPlace& place) {
  const Analysis& analysis = view.analysis;
  const Gazetteer& places = view.context.places;
  const Range clause = view.clause_of(mention.range.begin);
  for (const Mention* before : analysis.in({clause.begin, mention.range.begin}, "place")) {
    // "Idlib’s Saraqib": the place before owns this one (owns_the_next_place).
    if (before->range.end > mention.word.begin ||
        analysis.words_between(before->range.end, mention.word.begin) > 1 ||
        possessive(analysis.normalized.text, before->word.end)) {
      continue;
    }
    const GazetteerPlace* located = places.find(before->value());
    if (located == nullptr || located->id == place.id || located->type == "country") {
      continue;
    }
    for (const Category between :
         std::initializer_list<Category>{"event", "origin_marker", "target_marker", "actor"}) {
      if (!analysis.in({before->range.end, mention.word.begin}, between).empty()) {
        return false;
      }
    }
    return places.within(located->id, place.id) || places.nearby(located->id, place.id);
  }
  return false;
}

// "the outskirts of Idlib’s Saraqib": a place in the possessive right before
// another owns it; it says where that one is and is not the place.
bool owns_the_next_place(const FrameView& view, const Mention& mention) {
  const Analysis& analysis = view.analysis;
  if (!possessive(analysis.normalized.text, mention.word.end)) {
    return false;
  }
  const Range clause = view.clause_of(mention.range.begin);
  const Mention* next = analysis.first_in({mention.range.end, clause.end}, "place");
  return next != nullptr && analysis.words_between(mention.range.end, next->word.begin) == 0;
}

// Names start at most this many bytes before a word they hold.
constexpr std::uint32_t kLongestName = 256;

// «أراضي جمهورية لوغانسك الشعبية»: the city's name inside the republic's is
// no place of its own.
bool inside_an_actor_name(const Analysis& analysis, const Mention& place) {
  const std::uint32_t from =
      place.range.begin > kLongestName ? place.range.begin - kLongestName : 0;
  const MentionList actors = analysis.in({from, place.range.end}, "actor");
  return std::any_of(actors.begin(), actors.end(), [&](const Mention* actor) {
    return actor->range.begin <= place.range.begin && place.range.end <= actor->range.end &&
           actor->range.end - actor->range.begin > place.range.end - place.range.begin;
  });
}

// The claim's place; only one told inside `only_in` when it is given.
std::optional<Located> read_place(const FrameView& view, const std::vector<std::string>& parties,
                                  const std::vector<Range>& actor_ranges, Range event_sentence,
                                  std::optional<Range> only_in) {
  std::optional<Located> best;
  const Gazetteer& places = view.context.places;
  // "the handover took place at the border", «جرى عند الحدود», «произошел на
  // границе»: the place right after such words is the event's, whatever its
  // precision.
  const auto loci = view.all("event_locus");
  const auto told_as_the_locus = [&](Range place) {
    return std::any_of(loci.begin(), loci.end(), [&](const Mention* locus) {
      return locus->word.end <= place.begin &&
             view.analysis.words_between(locus->word.end, place.begin) <= 1;
    });
  };
  // Of two places of one precision, the one that lies inside the other: the
  // Line of Control rather than Kashmir.
  auto consider = [&](std::optional<Located> candidate) {
    if (candidate && only_in && !told_in(*candidate, *only_in)) {
      return;
    }
    if (candidate && !loci.empty() &&
        std::any_of(candidate->ranges.begin(), candidate->ranges.end(), told_as_the_locus)) {
      candidate->rank = kLocusRank;
    }
    if (candidate && (!best || candidate->rank < best->rank ||
                      (candidate->rank == best->rank && candidate->known != nullptr &&
                       best->known != nullptr && candidate->known != best->known &&
                       places.within(candidate->known->id, best->known->id)))) {
      best = std::move(candidate);
    }
  };
  // A capital standing for its government ("Yerevan announced", "under
  // Baku's control") names an actor, not a place.
  const auto metonyms = view.all("actor");
  std::vector<Located> lists = listed_places(view);
  for (const Mention* mention : view.all("place")) {
    // A sentence after the event's that tells no event and no casualties (a
    // bulletin's patrols after its violation) says where something else was,
    // unless it says where "it took place".
    if (mention->range.begin >= event_sentence.end && !told_as_the_locus(mention->word)) {
      const Range sentence = view.sentence_of(mention->range.begin).range;
      // The weapons the act was done with tell of it too ("had used 122 mm
      // artillery near the village of X").
      if (view.analysis.in(sentence, "event").empty() &&
          view.analysis.in(sentence, "casualty").empty() &&
          view.analysis.in(sentence, "casualty_none").empty() &&
          view.analysis.in(sentence, "weapon").empty()) {
        continue;
      }
    }
    if (std::any_of(lists.begin(), lists.end(), [&](const Located& list) {
          return std::any_of(list.ranges.begin(), list.ranges.end(),
                             [&](const Range& range) { return range.overlaps(mention->range); });
        })) {
      continue;
    }
    const GazetteerPlace* found = view.context.places.find(mention->value());
    if (found != nullptr) {
      found = resolve_homonym(view, *mention, found, parties);
    }
    if (found == nullptr || found->type == "country") {
      continue;  // a country names a side
    }
    // Where fire came from is the place only when no other is named.
    const int rank_penalty = is_origin(view, *mention) ? kOriginRankPenalty : 0;
    if (best && static_cast<int>(found->precision) + rank_penalty > best->rank &&
        !told_as_the_locus(mention->word)) {
      continue;  // cannot do better than the place already read
    }
    const bool names_an_actor =
        std::any_of(actor_ranges.begin(), actor_ranges.end(),
                    [&](const Range& range) { return range.overlaps(mention->range); }) ||
        std::any_of(metonyms.begin(), metonyms.end(), [&](const Mention* actor) {
          return actor->entry->has_attribute("metonym") && actor->range.overlaps(mention->range);
        });
    if (names_an_actor || inside_an_actor_name(view.analysis, *mention) ||
        view.excluded(mention->range) || is_topic(view, *mention) ||
        names_a_thing(view, *mention) || in_what_was_given(view, *mention) ||
        just_outside_an_area(view, *mention, *found) ||
        locates_the_place_before(view, *mention, *found) || owns_the_next_place(view, *mention)) {
      continue;
    }
    Located located = place_from_gazetteer(view, *mention, found);
    located.rank += rank_penalty;
    consider(std::move(located));
  }
  // "на этом направлении", "in this direction": the place named last before.
  for (const Mention* anaphor : view.all("place_anaphor")) {
    if (!names_its_place(view, *anaphor)) {
      consider(antecedent_place(view, *anaphor, parties));
    }
  }
  for (const Mention* border : view.all("border")) {
    // "حرس الحدود", "border guards": the word names a force, not where;
    // "border demarcation", «ترسيم الحدود»: what is done about it.
    if (!inside_a_name(view.analysis, *border) && !is_topic(view, *border)) {
      consider(border_place(view, *border, parties));
    }
  }
  for (Located& list : lists) {
    consider(std::move(list));
  }
  return best;
}

// A name the gazetteer lacks holds no word of the lexicon ("على", "from") and,
// in Latin or Cyrillic script, starts with a capital.
bool could_be_a_name(const Analysis& analysis, Range name) {
  for (const Category category : std::initializer_list<Category>{
           "place", "actor", "place_prefix", "person", "asset", "negation", "event", "others",
           "target_marker", "topic_marker", "origin_marker", "complementizer", "clause_break"}) {
    if (!analysis.in(name, category).empty()) {
      return false;
    }
  }
  const std::string original = analysis.original_text(name);
  const auto lead = static_cast<unsigned char>(original.empty() ? 0 : original[0]);
  return (lead >= 0x80 && lead != 0xD0 && lead != 0xD1) || starts_with_a_capital(original);
}

// The words of two places named one after the other as a list (a `list_link`
// word between, and words for a kind of place: "Naour Jourin village and
// al-Suqailabiya town"), from the first to the last; none when anything else
// stands between them.
std::optional<Range> listed_together(const FrameView& view, const std::vector<Range>& one,
                                     const std::vector<Range>& other) {
  const auto span_of = [](const std::vector<Range>& ranges) {
    Range span = ranges.front();
    for (const Range& range : ranges) {
      span = {std::min(span.begin, range.begin), std::max(span.end, range.end)};
    }
    return span;
  };
  if (one.empty() || other.empty()) {
    return std::nullopt;
  }
  Range first = span_of(one);
  Range second = span_of(other);
  if (second.begin < first.begin) {
    std::swap(first, second);
  }
  if (second.begin < first.end) {
    return std::nullopt;
  }
  const Analysis& analysis = view.analysis;
  if (!view.sentence_of(first.begin).range.contains(second.begin)) {
    return std::nullopt;
  }
  std::uint32_t words = analysis.words_between(first.end, second.begin);
  std::uint32_t links = 0;
  for (const Category category : std::initializer_list<Category>{"list_link", "place_prefix"}) {
    for (const Mention* word : analysis.in({first.end, second.begin}, category)) {
      if (word->word.begin >= first.end && word->word.end <= second.begin) {
        words -= std::min(words, analysis.words_between(word->word.begin, word->word.end));
        links += category.name() == "list_link" ? 1U : 0U;
      }
    }
  }
  // A comma alone may locate the first place in the second ("Naugam Sector,
  // Kupwara"): a list word says that both were hit.
  if (words != 0 || links != 1) {
    return std::nullopt;
  }
  return Range{first.begin, second.end};
}

// A place kept as written, without coordinates: ranked after every known one.
Located unknown_place(std::string name, std::vector<Range> ranges) {
  Located located;
  located.place.name = std::move(name);
  located.place.precision = LocationPrecision::kNear;
  located.ranges = std::move(ranges);
  located.rank = 50;
  return located;
}

// "Bagsar sector": in English the name stands before the place word; one or
// two capitalised words the gazetteer and the lexicon do not know.
std::optional<Located> name_before(const FrameView& view, const Mention& prefix) {
  const Analysis& analysis = view.analysis;
  const std::string_view text = analysis.normalized.text;
  std::uint32_t begin = prefix.word.begin;
  for (int words = 0; words < 2; ++words) {
    std::uint32_t end = begin;
    while (end > 0 && text[end - 1] == ' ') {
      --end;
    }
    std::uint32_t start = end;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != ',' &&
           text[start - 1] != '.' && text[start - 1] != '\n' && text[start - 1] != '"') {
      --start;
    }
    // "Naour Jourin village": a word of a place the gazetteer knows is no
    // unknown name.
    const MentionList known = analysis.in({start > 64 ? start - 64 : 0, end}, "place");
    const bool of_a_known_place = std::any_of(known.begin(), known.end(), [&](const Mention* m) {
      return m->range.overlaps({start, end});
    });
    if (start == end || of_a_known_place || !could_be_a_name(analysis, {start, end})) {
      break;
    }
    begin = start;
  }
  if (begin == prefix.word.begin) {
    return std::nullopt;
  }
  return unknown_place(analysis.original_text({begin, prefix.word.end}),
                       {{begin, prefix.word.begin}, prefix.range});
}

// Where a name that starts at `start` ends when a link word ("имени", "named
// after") follows its first or second word and a possible name follows the link.
std::optional<std::uint32_t> name_through_link(const FrameView& view, std::uint32_t start) {
  const Analysis& analysis = view.analysis;
  const Range sentence = view.sentence_of(start).range;
  for (const Mention* link : analysis.in({start, sentence.end}, "name_link")) {
    if (analysis.words_between(start, link->range.begin) > 2) {
      break;
    }
    const auto next =
        std::lower_bound(analysis.word_starts.begin(), analysis.word_starts.end(), link->word.end);
    if (next == analysis.word_starts.end() || *next >= sentence.end) {
      break;
    }
    std::uint32_t end = *next;
    const std::string_view text = analysis.normalized.text;
    while (end < sentence.end && text[end] != ' ' && text[end] != ',' && text[end] != '.') {
      ++end;
    }
    if (could_be_a_name(analysis, {*next, end})) {
      return end;
    }
    break;
  }
  return std::nullopt;
}

// «населенные пункты Айн-Эль-Крум и Скальбия», "the villages of A, B and C":
// after a plural place word (`list`), the names that follow the first one,
// each after a comma or a list word standing alone ("and", «и»), are of the
// one place read; where the list ends.
template <typename EndsName>
std::uint32_t end_of_listed_names(const FrameView& view, std::uint32_t end,
                                  const EndsName& ends_name) {
  const Analysis& analysis = view.analysis;
  const std::string_view text = analysis.normalized.text;
  const Range sentence = view.sentence_of(end > 0 ? end - 1 : 0).range;
  const auto skip_spaces = [&](std::uint32_t at) {
    while (at < sentence.end && text[at] == ' ') {
      ++at;
    }
    return at;
  };
  for (;;) {
    std::uint32_t at = skip_spaces(end);
    const bool arabic_comma = at + 1 < sentence.end &&
                              static_cast<unsigned char>(text[at]) == 0xD8 &&
                              static_cast<unsigned char>(text[at + 1]) == 0x8C;
    if (at < sentence.end && (text[at] == ',' || arabic_comma)) {
      at = skip_spaces(at + (arabic_comma ? 2U : 1U));
    } else if (const Mention* link = analysis.first_in({at, sentence.end}, "list_link");
               link != nullptr && link->word.begin == at && link->word.end < sentence.end &&
               text[link->word.end] == ' ') {
      at = skip_spaces(link->word.end);
    } else {
      return end;
    }
    std::uint32_t next = at;
    while (next < sentence.end && !ends_name(next)) {
      ++next;
    }
    if (next == at || !could_be_a_name(analysis, {at, next})) {
      return end;
    }
    end = next;
  }
}

// Place names the gazetteer does not know, kept as written: the word after
// "village"/"село"/"قرية" (a place word marked `names_unknown`) when no known
// place follows. "area" or "district" is as often followed by a common word.
std::vector<Located> unknown_places(const FrameView& view) {
  std::vector<Located> found;
  std::vector<Located> origins;  // where fire came from: after the others
  const std::string_view text = view.analysis.normalized.text;
  for (const Mention* prefix : view.all("place_prefix")) {
    if (!prefix->entry->has_attribute("names_unknown")) {
      continue;
    }
    if (prefix->entry->has_attribute("name_before")) {
      if (auto named = name_before(view, *prefix)) {
        found.push_back(std::move(*named));
      }
      continue;
    }
    std::uint32_t start = prefix->word.end;
    while (start < text.size() && text[start] == ' ') {
      ++start;
    }
    // A name in quotation marks (قطاع "كوتكوتيرا") is the name without them.
    const bool quoted = start < text.size() && text[start] == '"';
    start += quoted ? 1 : 0;
    // The name ends at a space, a stop, a quotation mark or an Arabic comma (، is D8 8C).
    const auto ends_name = [&](std::uint32_t at) {
      const char c = text[at];
      return c == ' ' || c == ',' || c == '.' || c == '\n' || c == '"' ||
             (static_cast<unsigned char>(c) == 0xD8 && at + 1 < text.size() &&
              static_cast<unsigned char>(text[at + 1]) == 0x8C);
    };
    std::uint32_t end = start;
    while (end < text.size() && !ends_name(end)) {
      ++end;
    }
    if (end == start) {
      continue;
    }
    Range name{start, end};
    if (!could_be_a_name(view.analysis, name)) {
      // «поселок шахты имени Гагарина»: a common word and a link word
      // ("named after") before the name are part of it.
      const std::optional<std::uint32_t> linked = name_through_link(view, start);
      if (!linked) {
        continue;
      }
      name.end = end = *linked;
    } else if (prefix->entry->has_attribute("list")) {
      name.end = end = end_of_listed_names(view, end, ends_name);
    }
    (is_origin(view, *prefix) ? origins : found)
        .push_back(unknown_place(
            view.analysis.original_text({prefix->word.begin, end + (quoted && end < text.size())}),
            {prefix->range, name}));
  }
  found.insert(found.end(), std::make_move_iterator(origins.begin()),
               std::make_move_iterator(origins.end()));
  return found;
}

}  // namespace

bool specific_violence(EventType type) {
  return group_of(type) == EventGroup::kViolence && type != EventType::kAttack &&
         type != EventType::kArmedClash && type != EventType::kCeasefireViolation;
}

EventGroup group_of(EventType type) {
  switch (type) {
    case EventType::kArmedClash:
    case EventType::kAttack:
    case EventType::kShelling:
    case EventType::kAirStrike:
    case EventType::kSniperFire:
    case EventType::kCeasefireViolation:
    case EventType::kTerritorySeizure:
    case EventType::kMineOrIed: return EventGroup::kViolence;
    case EventType::kDetention:
    case EventType::kExchange: return EventGroup::kDetention;
    case EventType::kDeEscalation: return EventGroup::kDeEscalation;
    case EventType::kDiplomaticContact: return EventGroup::kDiplomacy;
    case EventType::kAgreement: return EventGroup::kAgreement;
    case EventType::kOther: return EventGroup::kNone;
  }
  return EventGroup::kNone;
}

std::string timezone_of(const Gazetteer& places, std::string_view country) {
  const GazetteerPlace* found = country.empty() ? nullptr : places.country(country);
  return found != nullptr ? found->timezone : std::string();
}

void set_time(Claim& claim, const DateMention& date, const Analysis& analysis, bool from_context) {
  const std::string timezone = claim.time.timezone;
  claim.time = date.time;
  if (claim.time.timezone.empty()) {
    claim.time.timezone = timezone;
  }
  claim.time_basis.basis = date.basis;
  claim.time_basis.from_context = from_context;
  claim.time_basis.wording = date.wording;
  add_provenance(claim, "time", analysis, {Range{date.begin, date.end}});
}

// The perpetrator an event's words name, as claimed: the actor nearest to the
// event in its clause, not the claimant and not behind a target word
// ("against", "على"); an actor after an agent word ("by", "من قبل", "со
// стороны") is the perpetrator of a passive sentence.
struct Perpetrator {
  const Mention* actor = nullptr;
  const Mention* target = nullptr;  // an actor behind a target word
};

// "a soldier was killed by Azerbaijani troops", "… قتل على يد …": the actor
// an agent word puts right after a word of a casualty (at most three words
// on), not the claimant's words nor an observer.
const Mention* agent_of_a_casualty(const FrameView& view, const std::vector<Range>& actor_ranges) {
  constexpr std::uint32_t kReach = 3;
  const Analysis& analysis = view.analysis;
  for (const Mention* status : view.all("casualty")) {
    const Range clause = view.clause_of(status->range.begin);
    for (const Mention* actor : analysis.in({status->range.end, clause.end}, "actor")) {
      if (analysis.words_between(status->word.end, actor->word.begin) > kReach) {
        break;
      }
      const bool claimant_words =
          std::any_of(actor_ranges.begin(), actor_ranges.end(),
                      [&](const Range& range) { return range.overlaps(actor->range); });
      if (!claimant_words && negated_before(view, *actor, "agent_marker", 1) &&
          !observer(view.context.actors, *actor)) {
        return actor;
      }
    }
    // "Azerbaijani troops killed two civilians": the actor right before a
    // status word with the persons it is said of right after it did it.
    const MentionList before = analysis.in({clause.begin, status->word.begin}, "actor");
    if (!before.empty() && just_before_the_verb(analysis, before.back()->word.end, *status) &&
        object_after(view, *status) != nullptr && !observer(view.context.actors, *before.back()) &&
        std::none_of(actor_ranges.begin(), actor_ranges.end(),
                     [&](const Range& range) { return range.overlaps(before.back()->range); })) {
      return before.back();
    }
  }
  return nullptr;
}

// A word for a specific violent act (shelling, an air strike, …).
bool specific_violence_word(const Mention& event) {
  const auto type = parse_event_type(event.value());
  return type && specific_violence(*type);
}

// "The Indian soldiers targeted …", "индийские военные обстреляли": a
// nationality with a word for combatants right beside it names that state's
// forces; not when they are the ones counted as casualties ("Indian soldiers
// were killed in Pakistani shelling").
bool names_forces(const FrameView& view, const Mention& adjective) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(adjective.range.begin);
  const MentionList statuses = analysis.in(clause, "casualty");
  for (const Mention* person : analysis.in(clause, "person")) {
    if (person->value() != "combatant" || person->entry->has_attribute("own") ||
        view.distance(adjective.word, person->word) > 0) {
      continue;
    }
    return std::none_of(statuses.begin(), statuses.end(), [&](const Mention* status) {
      return view.distance(person->word, status->word) <= 3;
    });
  }
  return false;
}

namespace {

// Whether the actor owns an asset its clause names (owns_asset): whose post
// was hit («обстрелян пост вооруженных формирований») is no perpetrator.
bool owns_what_was_hit(const FrameView& view, const Mention& actor) {
  const MentionList assets = view.analysis.in(view.clause_of(actor.range.begin), "asset");
  return std::any_of(assets.begin(), assets.end(),
                     [&](const Mention* asset) { return owns_asset(view, actor, *asset); });
}

// Whether the event word is itself what befell a thing ("уничтожение" is an
// attack and says the thing was destroyed).
bool tells_an_outcome(const FrameView& view, const Mention& event) {
  const auto outcomes = view.all("asset_outcome");
  return std::any_of(outcomes.begin(), outcomes.end(),
                     [&](const Mention* outcome) { return outcome->range.overlaps(event.range); });
}

// "the clashes provoked Tuesday by Armenia": a clash is mutual, but one a side
// is said to have provoked (`instigation`, at most two words after the clash
// word) that side started: the actor after an agent word at most two words
// further on (a day may stand between).
const Mention* instigator_of(const FrameView& view, const Mention& clash) {
  constexpr std::uint32_t kWordsApart = 2;
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(clash.range.begin);
  for (const Mention* word : analysis.in({clash.range.end, clause.end}, "instigation")) {
    if (view.distance(clash.word, word->word) > kWordsApart) {
      break;
    }
    for (const Mention* actor : analysis.in({word->range.end, clause.end}, "actor")) {
      if (view.distance(word->word, actor->word) > kWordsApart + 1) {
        break;
      }
      if (negated_before(view, *actor, "agent_marker", 1)) {
        return actor;
      }
    }
  }
  return nullptr;
}

// "Armenia and Azerbaijan accused each other of …": the subjects of a mutual
// statement (reciprocal_of) blame one another; neither is named as the one
// who did it.
bool blames_the_other(const FrameView& view, const Mention& actor) {
  const Analysis& analysis = view.analysis;
  const Range clause = view.clause_of(actor.range.begin);
  // "traded accusations", «تبادلت أرمينيا وأذربيجان الاتهامات» (attribute
  // `statement`): a mutual statement in itself, its subjects before its end.
  for (const Mention* word : analysis.in(clause, "reciprocal")) {
    if (word->entry->has_attribute("statement") && actor.range.end <= word->range.end) {
      return true;
    }
  }
  for (const Mention* verb : analysis.in(clause, "attribution")) {
    const Mention* word = reciprocal_of(analysis, *verb, clause);
    if (word != nullptr && actor.range.end <= word->range.begin) {
      return true;
    }
  }
  return false;
}

}  // namespace

Perpetrator perpetrator_of(const FrameView& view, const Mention& event,
                           const std::vector<Range>& actor_ranges, std::string_view not_of = {}) {
  constexpr std::uint32_t kSubjectReach = 16;
  // An actor of the party `not_of` (whose persons were hit) is passed over.
  const auto passed_over = [&](const Mention& actor) {
    return (!not_of.empty() && party_of_mention(view.context.actors, actor) == not_of) ||
           blames_the_other(view, actor);
  };
  const Analysis& analysis = view.analysis;
  Perpetrator found;
  const Range clause = view.clause_of(event.range.begin);
  std::uint32_t best = 6;
  // The clause first; then the subject of the sentence, which a
  // parenthetical may set off from its verb ("Armenian troops, starting
  // from the night of 15 November, shelled ...").
  std::vector<const Mention*> candidates;
  for (const Mention* actor : analysis.in(clause, "actor")) {
    candidates.push_back(actor);
  }
  // «обстрела, произведенного террористами»: a clause right after the
  // event's that opens with an agent word names who did it.
  const Sentence& whole = view.sentence_of(event.range.begin);
  const auto after = std::find_if(whole.clauses.begin(), whole.clauses.end(),
                                  [&](const Range& one) { return one.begin >= clause.end; });
  if (after != whole.clauses.end()) {
    const MentionList markers = analysis.in(*after, "agent_marker");
    if (!markers.empty() &&
        analysis.words_between(after->begin, markers.front()->range.begin) == 0) {
      for (const Mention* actor : analysis.in(*after, "actor")) {
        if (negated_before(view, *actor, "agent_marker", 1) && !passed_over(*actor)) {
          found.actor = actor;
          return found;
        }
      }
    }
  }
  const Range sentence = whole.range;
  for (const Mention* actor : analysis.in({sentence.begin, clause.begin}, "actor")) {
    candidates.push_back(actor);
  }
  // "by Syrian regime ally Russia": the agent word before the qualifier is the
  // actor's it qualifies.
  const Mention* agent_by_qualifier = nullptr;
  // The weapons of the clause that carry out an act (aircraft, drones, guns,
  // mortars, rocket launchers) right beside its word.
  std::vector<const Mention*> carriers;
  for (const Mention* weapon : analysis.in(clause, "weapon")) {
    const auto weapon_class = parse_weapon_class(weapon->value());
    if ((weapon_class == WeaponClass::kAircraft || weapon_class == WeaponClass::kDrone ||
         weapon_class == WeaponClass::kArtillery || weapon_class == WeaponClass::kMortar ||
         weapon_class == WeaponClass::kRocketArtillery) &&
        view.distance(weapon->word, event.word) <= 2) {
      carriers.push_back(weapon);
    }
  }
  for (const Mention* actor : candidates) {
    const bool in_clause = clause.contains(actor->range.begin);
    if (!in_clause && found.actor != nullptr) {
      break;
    }
    const bool claimant_words =
        std::any_of(actor_ranges.begin(), actor_ranges.end(),
                    [&](const Range& range) { return range.overlaps(actor->range); });
    if (claimant_words || follows_an_allegiance_word(analysis, *actor) || passed_over(*actor)) {
      continue;
    }
    // "captured by the Azerbaijani military": an article may stand between;
    // «под обстрел сирийских войск»: an adjective there names the agent too.
    const bool agent =
        actor == agent_by_qualifier || negated_before(view, *actor, "agent_marker", 1);
    // «طائرة مسيرة تركية», "a Ukrainian drone dropped …": a nationality right
    // beside the weapon that carried out the act says whose it was.
    const bool qualifies_the_weapon =
        actor->entry->has_attribute("adjective") &&
        std::any_of(carriers.begin(), carriers.end(), [&](const Mention* weapon) {
          return view.distance(actor->word, weapon->word) == 0;
        });
    // «обстрелян пост вооруженных формирований», "the positions of the
    // Azerbaijani army": whose post or positions were hit is a target; not the
    // agent right after a passive's "upon" ("fired upon by Azerbaijani units").
    if ((targeted(view, *actor) && !agent) ||
        (owns_what_was_hit(view, *actor) && !qualifies_the_weapon)) {
      if (found.target == nullptr) {
        found.target = actor;
      }
      continue;
    }
    if (const Mention* meant = qualifies_the_next_actor(analysis, *actor)) {
      agent_by_qualifier = agent ? meant : nullptr;
      continue;
    }
    // "Russian air strikes", «غارات روسية»: a nationality right beside the
    // word of a specific act says whose act it was.
    // "an Indian ceasefire violation" likewise names who violated it.
    // So does "Pakistani firing", "a Pakistani attack".
    const bool qualifies_the_act =
        (specific_violence_word(event) || event.value() == "ceasefire_violation" ||
         event.value() == "attack") &&
        view.distance(actor->word, event.word) == 0;
    if ((actor->entry->has_attribute("adjective") && !names_forces(view, *actor) && !agent &&
         !qualifies_the_act && !qualifies_the_weapon) ||
        negated_before(view, *actor, "border", 1) || observer(view.context.actors, *actor)) {
      continue;
    }
    if (agent) {
      found.actor = actor;
      break;
    }
    const std::uint32_t words = view.distance(actor->word, event.word);
    // A subject opening the sentence, or the statement reported after "that"
    // ("… أن الجيش الأذربيجاني أطلق عملية …، وسيطر على تلة"), may stand far
    // from its verb ("Armenian armed forces units from the village of Sotk of
    // the Basarkechar district fired …").
    const bool opens_at_a_distance =
        words <= kSubjectReach && actor->range.end <= event.range.begin &&
        (analysis.words_between(sentence.begin, actor->range.begin) <= 1 ||
         negated_before(view, *actor, "complementizer", 0));
    if (!in_clause) {
      // Outside the clause only such a subject counts.
      if (!opens_at_a_distance) {
        continue;
      }
      found.actor = actor;
      break;
    }
    if (words < best) {
      best = words;
      found.actor = actor;
    } else if (found.actor == nullptr && opens_at_a_distance) {
      found.actor = actor;  // unless a nearer one follows
    }
  }
  return found;
}

// "the opposing side … subjected to intensive fire …", then "Armenian
// military units subjected to fire our tractor": the perpetrator another word
// of the claim's act names (not an answer to fire), skipping one of the party
// `not_of` (the persons captured did not capture themselves).
Perpetrator perpetrator_by_another_word(const FrameView& view, const Mention& event,
                                        const std::vector<Range>& actor_ranges,
                                        std::string_view not_of = {}) {
  for (const Mention* other : view.all("event")) {
    if (other == &event || other->value() != event.value() ||
        other->entry->has_attribute("response")) {
      continue;
    }
    const Perpetrator again = perpetrator_of(view, *other, actor_ranges);
    if (again.actor != nullptr &&
        (not_of.empty() || party_of_mention(view.context.actors, *again.actor) != not_of)) {
      return again;
    }
  }
  return {};
}

namespace {

// «обстрелян пост вооруженных формирований», "على مواقع عسكرية أرمنية": the
// party whose post or positions the event's sentence says were hit, or empty.
std::string whose_post_was_hit(const FrameView& view, const Mention& event) {
  const Range sentence = view.sentence_of(event.range.begin).range;
  for (const Mention* actor : view.analysis.in(sentence, "actor")) {
    if (owns_what_was_hit(view, *actor)) {
      return party_of_mention(view.context.actors, *actor);
    }
  }
  return {};
}

}  // namespace

// A word for the enemy before the event in its clause, or opening its sentence.
const Mention* enemy_before(const FrameView& view, const Mention& event) {
  const Analysis& analysis = view.analysis;
  const Range sentence = view.sentence_of(event.range.begin).range;
  const Range clause = view.clause_of(event.range.begin);
  for (const Mention* enemy : analysis.in({sentence.begin, event.range.begin}, "enemy")) {
    const std::uint32_t words = analysis.words_between(enemy->range.end, event.word.begin);
    if (enemy->range.end <= event.word.begin &&
        (clause.contains(enemy->range.begin)
             ? words <= 6
             : analysis.words_between(sentence.begin, enemy->range.begin) <= 1)) {
      return enemy;
    }
  }
  return nullptr;
}

// The actor an accusation verb of the frame names after its speaker ("X
// accused Y of …", "اتهم X Y بـ"), in the event's sentence and before it.
const Mention* accused_of(const FrameView& view, const Mention& event) {
  const Analysis& analysis = view.analysis;
  const Range sentence = view.sentence_of(event.range.begin).range;
  for (const Attribution& attribution : view.frame.attributions) {
    const Mention& trigger = *attribution.trigger;
    if (!trigger.entry->has_attribute("accusation") || !sentence.contains(trigger.range.begin) ||
        trigger.range.end > event.range.begin) {
      continue;
    }
    for (const Mention* actor : analysis.in({trigger.range.end, event.range.begin}, "actor")) {
      if (attribution.actor != nullptr && attribution.actor->range.overlaps(actor->range)) {
        continue;
      }
      if (analysis.words_between(trigger.range.end, actor->range.begin) > 4 ||
          actor->entry->has_attribute("adjective") || observer(view.context.actors, *actor)) {
        break;
      }
      return actor;
    }
  }
  return nullptr;
}

// The state the document names most often besides `own` (the first named on
// a tie), or empty.
std::string opponent_of(const DocumentContext& context, std::string_view own) {
  if (!context.states_named) {
    auto& counts = context.states_named.emplace();
    for (const Mention* mention : context.analysis.all_of("actor")) {
      const std::string party = party_of_mention(context.actors, *mention);
      if (!party.empty() && is_party(context.actors, party)) {
        tally(counts, party);
      }
    }
  }
  const auto& counts = *context.states_named;
  auto most = counts.end();
  for (auto state = counts.begin(); state != counts.end(); ++state) {
    if (state->first != own && (most == counts.end() || state->second > most->second)) {
      most = state;
    }
  }
  return most == counts.end() ? std::string() : most->first;
}

// The frame's own date is not one that dates its statement (frames.hpp).
bool dates_the_speaking(const FrameView& view, const DateMention& date) {
  return detail::dates_the_speaking(view.analysis, view.frame.attributions,
                                    view.sentence_of(date.begin).range, date, false);
}

// "after the signing of an agreement", «после переговоров»: talks or an
// agreement right after a word of sequence tell when something else happened,
// not an event of their own. Fighting after such a word is mostly the
// incident itself ("wounded after shelling"), so it is not set aside.
bool marks_a_time(const FrameView& view, const Mention& event) {
  const auto type = event_type_of(event);
  if (!type || group_of(*type) == EventGroup::kViolence ||
      group_of(*type) == EventGroup::kDetention) {
    return false;
  }
  return negated_before(view, event, "time_anchor", 2);
}

void join_ranges(std::vector<Range>& ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> joined;
  for (const Range& range : ranges) {
    if (range.end <= range.begin) {
      continue;  // holds no word
    }
    // Only ranges that share a byte: the byte where two ranges touch is in
    // neither, and a range that ends there overlaps neither.
    if (!joined.empty() && range.begin < joined.back().end) {
      joined.back().end = std::max(joined.back().end, range.end);
    } else {
      joined.push_back(range);
    }
  }
  ranges = std::move(joined);
}

bool overlaps_any(const std::vector<Range>& joined, Range range) {
  // The first that ends after the range begins is the only one that can overlap it.
  const auto found =
      std::upper_bound(joined.begin(), joined.end(), range.begin,
                       [](std::uint32_t at, const Range& out) { return at < out.end; });
  return found != joined.end() && found->overlaps(range);
}

bool set_aside_by(const std::vector<Range>& excluded, const Analysis& analysis, Category category,
                  const Mention& mention) {
  if (!overlaps_any(excluded, mention.range)) {
    return false;
  }
  if (category.index() != Category("event").index()) {
    return true;
  }
  const MentionList names = analysis.in(mention.range, "agreement");
  return std::none_of(names.begin(), names.end(), [&](const Mention* name) {
    return mention.range.covers(name->range) &&
           (mention.range.begin < name->range.begin || name->range.end < mention.range.end);
  });
}

namespace {

// Whether a place's or an actor's name around the word holds it as `holds`
// says (given the name's range).
template <typename Holds>
bool a_name_holds(const Analysis& analysis, const Mention& word, Holds holds) {
  const std::uint32_t from = word.range.begin > kLongestName ? word.range.begin - kLongestName : 0;
  for (const Category category : std::initializer_list<Category>{"place", "actor"}) {
    for (const Mention* name : analysis.in({from, word.range.end}, category)) {
      if (holds(name->range)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool inside_a_name(const Analysis& analysis, const Mention& word) {
  const std::uint32_t from = word.range.begin > kLongestName ? word.range.begin - kLongestName : 0;
  // «منطقة "خفض التصعيد"», the zone "De-escalation": words in quotation marks
  // right after a place word name the place.
  const std::string_view text = analysis.normalized.text;
  std::uint32_t quote = word.word.begin;
  while (quote > 0 && text[quote - 1] == ' ') {
    --quote;
  }
  if (quote > 0 && text[quote - 1] == '"') {
    for (const Mention* prefix : analysis.in({from, quote}, "place_prefix")) {
      if (prefix->word.end < quote && analysis.words_between(prefix->word.end, quote - 1) == 0) {
        return true;
      }
    }
  }
  return a_name_holds(analysis, word, [&](const Range& name) {
    return name.begin <= word.range.begin && word.range.end <= name.end &&
           !(name.begin == word.range.begin && name.end == word.range.end);
  });
}

bool within_a_name(const Analysis& analysis, const Mention& word) {
  return a_name_holds(analysis, word, [&](const Range& name) {
    return name.begin < word.word.begin && word.word.end < name.end;
  });
}

void type_by_its_toll(Claim& claim) {
  // Persons killed or wounded tell of an attack; failing those, persons
  // captured ("Azerbaijani troops captured two Armenian servicemen") of a
  // detention.
  for (const EventType type : {EventType::kAttack, EventType::kDetention}) {
    for (std::size_t i = 0; i < claim.casualties.size(); ++i) {
      const CasualtyFigure& figure = claim.casualties[i];
      const bool tells = type == EventType::kAttack ? (figure.status == CasualtyStatus::kKilled ||
                                                       figure.status == CasualtyStatus::kWounded)
                                                    : figure.status == CasualtyStatus::kCaptured;
      if (!tells || figure.count.min == 0) {
        continue;
      }
      claim.event_type = type;
      const std::string field = "casualties/" + std::to_string(i);
      const auto words =
          std::find_if(claim.provenance.begin(), claim.provenance.end(),
                       [&](const FieldProvenance& entry) { return entry.field == field; });
      if (words != claim.provenance.end()) {
        FieldProvenance typed{"event_type", words->spans};
        claim.provenance.push_back(std::move(typed));
      }
      return;
    }
  }
}

void borrow_event(Claim& claim, const Draft& from, const Analysis& analysis) {
  claim.event_type = from.claim.event_type;
  add_provenance(claim, "event_type", analysis, {from.event->range});
}

void borrow_area(Claim& claim, const Claim& from, const Gazetteer& places) {
  if (from.place && from.place->precision >= LocationPrecision::kAdmin1) {
    borrow_place(claim, from, places);
  }
}

void borrow_place(Claim& claim, const Claim& from, const Gazetteer& places) {
  if (claim.place || !from.place) {
    return;
  }
  claim.place = from.place;
  // The rule of draft_claim: the zone of the place's country (none for a
  // place of several countries), that of the claimant's only for a place of none.
  if (!claim.place->country.empty()) {
    claim.time.timezone = timezone_of(places, claim.place->country);
  }
  for (const FieldProvenance& entry : from.provenance) {
    if (entry.field == "place") {
      claim.provenance.push_back(entry);
    }
  }
}

void borrow_figures(Claim& claim, const Claim& from) {
  if (!claim.casualties.empty() || from.casualties.empty()) {
    return;
  }
  claim.casualties = from.casualties;
  // The claim had no figures: the indexes of the fields stay the same.
  for (const FieldProvenance& entry : from.provenance) {
    if (entry.field.starts_with("casualties/")) {
      claim.provenance.push_back(entry);
    }
  }
}

namespace {

// The draft's retold figures become its own, as `figures` (one for each, in
// order, with the side found for it), with the words each was read from.
void take_retold_figures(Draft& draft, const std::vector<CasualtyFigure>& figures,
                         const Analysis& analysis) {
  for (std::size_t i = 0; i < figures.size(); ++i) {
    draft.claim.casualties.push_back(figures[i]);
    const std::string field = "casualties/" + std::to_string(draft.claim.casualties.size() - 1);
    for (Range range : draft.retold[i].ranges) {
      add_provenance(draft.claim, field, analysis, {range});
    }
  }
  draft.has_figures = true;
  draft.retold.clear();
}

}  // namespace

bool count_retold_as_of(Draft& draft, const Claim& account, const Analysis& analysis) {
  std::vector<CasualtyFigure> figures;
  for (const Draft::RetoldFigure& told : draft.retold) {
    const SideKind kind = told.persons == "combatant"  ? SideKind::kCombatants
                          : told.persons == "civilian" ? SideKind::kCivilians
                                                       : SideKind::kUnknown;
    std::optional<Side> side;
    for (const CasualtyFigure& before : account.casualties) {
      if (before.status != told.figure.status || before.side.kind != kind) {
        continue;
      }
      // Two sides of that kind: whose the persons are is not known. A count
      // the account gave already is told again, or contradicted ("killing two
      // soldiers. / Seven soldiers were among the dead"); one it left open
      // ("all of the servicemen") is told more exactly.
      if ((side && *side != before.side) || before.count.max ||
          told.figure.count.min <= before.count.min) {
        return false;
      }
      side = before.side;
    }
    if (kind == SideKind::kUnknown || !side) {
      return false;
    }
    figures.push_back(told.figure);
    figures.back().side = *side;
  }
  if (figures.empty()) {
    return false;
  }
  take_retold_figures(draft, figures, analysis);
  return true;
}

bool count_revised_toll(Draft& draft, const Claim& told_last, const Analysis& analysis) {
  if (draft.retold.empty() || analysis.in(draft.range, "revision").empty()) {
    return false;
  }
  std::vector<CasualtyFigure> figures;
  for (const Draft::RetoldFigure& told : draft.retold) {
    const auto before = std::find_if(
        told_last.casualties.rbegin(), told_last.casualties.rend(),
        [&](const CasualtyFigure& figure) { return figure.status == told.figure.status; });
    if (before == told_last.casualties.rend() || before->count == told.figure.count) {
      return false;
    }
    figures.push_back(told.figure);
    figures.back().side = before->side;
  }
  take_retold_figures(draft, figures, analysis);
  return true;
}

void take_time(Claim& claim, const Claim& from, bool from_context) {
  claim.time = from.time;
  claim.time_basis = from.time_basis;
  claim.time_basis.from_context = from_context;
  std::erase_if(claim.provenance,
                [](const FieldProvenance& entry) { return entry.field == "time"; });
  for (const FieldProvenance& entry : from.provenance) {
    if (entry.field == "time") {
      claim.provenance.push_back(entry);
    }
  }
}

void set_statement_time(Claim& claim, const DateMention& date, const Analysis& analysis) {
  set_time(claim, date, analysis, false);
  claim.time_basis.basis = DateBasis::kAnnouncement;
  claim.time_basis.wording = "the date of the statement" +
                             (date.wording.empty() ? std::string() : " (" + date.wording + ")") +
                             "; the text does not date the event";
}

std::string fit_name(std::string name) {
  constexpr std::size_t kMaxBytes = 280;  // the store takes 300
  if (name.size() <= kMaxBytes) {
    return name;
  }
  std::size_t cut = name.rfind(' ', kMaxBytes);
  if (cut == std::string::npos || cut == 0) {
    cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0U) == 0x80U) {
      --cut;  // not inside a UTF-8 sequence
    }
  }
  name.resize(cut);
  return name + " …";
}

// The frame's own date: the first one in its sentences that is not part of
// an agreement reference and not after publication. When that first date
// cannot be placed (a "yesterday" with no publication date), the frame has
// none: a later date of its sentences ("since 1947") is not the event's.
void read_frame_dates(const FrameView& view, Draft& draft) {
  // The dates are by begin: only those between the frame's first sentence and
  // its last can be inside it.
  std::uint32_t first = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t last = 0;
  for (const Range& sentence : view.sentence_ranges) {
    first = std::min(first, sentence.begin);
    last = std::max(last, sentence.end);
  }
  const DateMention* today = nullptr;  // the day of the announcement, "today"
  for (const DateMention& date : view.analysis.dates_in({first, last})) {
    const Range range{date.begin, date.end};
    const auto in_sentence = [&](const Range& s) { return s.contains(date.begin); };
    const auto sentence =
        std::find_if(view.sentence_ranges.begin(), view.sentence_ranges.end(), in_sentence);
    if (sentence == view.sentence_ranges.end() || view.excluded(range)) {
      continue;
    }
    // "اتهم ممثل …، اليوم الثلاثاء، القوات الأوكرانية بقصف … خلال الـ24 الساعة
    // الماضية": a day of the same sentence after the announcement's is the
    // event's; "today" is when it was said.
    if (today != nullptr && !sentence->contains(today->begin)) {
      break;
    }
    if (tells_how_things_stood(view.analysis, date)) {
      continue;
    }
    if (dates_the_speaking(view, date)) {
      if (draft.statement_date == nullptr && date.resolved) {
        draft.statement_date = &date;
      }
      continue;
    }
    if (!date.resolved) {
      if (today == nullptr) {
        draft.unplaced_date = &date;
      }
      break;
    }
    if (view.context.published && date.time.start.date > view.context.published->date) {
      continue;
    }
    if (today == nullptr && date.basis == DateBasis::kAnnouncement) {
      today = &date;
      draft.own_date = &date;
      continue;
    }
    if (today != nullptr && draft.statement_date == nullptr) {
      draft.statement_date = today;
    }
    draft.own_date = &date;
    break;
  }
}

Draft draft_claim(const Frame& frame, const DocumentContext& context) {
  FrameView view{frame, context, context.analysis, {}};
  view.sentence_ranges.reserve(frame.sentences.size());
  for (std::uint32_t index : frame.sentences) {
    view.sentence_ranges.push_back(context.analysis.sentences[index].range);
  }
  const Analysis& analysis = context.analysis;
  const ActorRegistry& actors = context.actors;
  Draft draft;
  draft.range = frame.range(analysis);
  Claim& claim = draft.claim;

  // Claimant, with the words of every attribution to it.
  std::string claimant_party;
  std::vector<Range> actor_ranges;
  if (!frame.narrative()) {
    claim.claimant = actor_ref(actors, frame.claimant);
    claimant_party = actors.party_of(frame.claimant);
    for (const Attribution& attribution : frame.attributions) {
      add_provenance(claim, "claimant", analysis, {attribution.trigger->range});
      if (attribution.actor != nullptr) {
        add_provenance(claim, "claimant", analysis, {attribution.actor->range});
        actor_ranges.push_back(attribution.actor->range);
      }
      if (attribution.spoken_in != nullptr) {
        actor_ranges.push_back(attribution.spoken_in->range);  // not where it happened
      }
    }
  }

  // The event.
  std::vector<const Mention*> events;
  for (const Mention* event : view.all("event")) {
    if (inside_a_name(analysis, *event)) {
      continue;
    }
    if (negated_before(view, *event, "negation", 2)) {
      draft.negated = true;
      continue;
    }
    if (negated_before(view, *event, "hypothetical", 8)) {
      draft.hypothetical = true;
      continue;
    }
    if (marks_a_time(view, *event)) {
      continue;
    }
    events.push_back(event);
  }
  // «وقف إطلاق النار … جار دون أي انتهاكات», "the ceasefire holds without
  // violations": a truce told beside its violations denied is how things
  // stand, not an event.
  if (draft.negated) {
    std::vector<Range> denied;
    for (const Mention* event : view.all("event")) {
      if (event->value() == "ceasefire_violation" && negated_before(view, *event, "negation", 2)) {
        denied.push_back(view.sentence_of(event->range.begin).range);
      }
    }
    std::erase_if(events, [&](const Mention* event) {
      return event->value() == "de_escalation" &&
             std::any_of(denied.begin(), denied.end(), [&](const Range& sentence) {
               return sentence.contains(event->range.begin);
             });
    });
  }
  draft.event = choose_event(view, events);
  // "a violation was recorded: shots were fired at the post": the specific act
  // says more than the generic word, which may still stand by who did it.
  const Mention* violation_word = nullptr;
  // Of several acts, the most specific (sniper fire told after "shots were fired").
  if (draft.event != nullptr && draft.event->value() == "ceasefire_violation") {
    const Mention* act = nullptr;
    for (const Mention* event : events) {
      const auto type = event_type_of(*event);
      if (type && group_of(*type) == EventGroup::kViolence &&
          *type != EventType::kCeasefireViolation && *type != EventType::kArmedClash &&
          (act == nullptr ||
           (!specific_violence(*event_type_of(*act)) && specific_violence(*type)))) {
        act = event;
      }
    }
    if (act != nullptr) {
      violation_word = draft.event;
      draft.event = act;
    }
  }
  // "launched an operation ... and took the hill": a specific act in the same
  // sentence says more than a general word for fighting.
  if (draft.event != nullptr && draft.event->value() == "attack") {
    const Range sentence = view.sentence_of(draft.event->range.begin).range;
    for (const Mention* event : events) {
      const auto type = event_type_of(*event);
      if (sentence.contains(event->range.begin) && event->range.begin > draft.event->range.begin &&
          type && specific_violence(*type)) {
        draft.event = event;
        break;
      }
    }
  }
  // "clashes ... following the attack of the X forces": an account of fighting
  // that says who attacked claims an attack.
  if (draft.event != nullptr && draft.event->value() == "armed_clash") {
    for (const Mention* event : events) {
      const auto type = event_type_of(*event);
      if (type && group_of(*type) == EventGroup::kViolence && *type != EventType::kArmedClash &&
          *type != EventType::kCeasefireViolation &&
          perpetrator_of(view, *event, actor_ranges).actor != nullptr) {
        draft.event = event;
        break;
      }
    }
  }
  // "Under the mediation of the Russian side, an agreement was reached": talks
  // that reach an agreement in the same sentence claim the agreement.
  if (draft.event != nullptr && draft.event->value() == "diplomatic_contact") {
    const Range sentence = view.sentence_of(draft.event->range.begin).range;
    for (const Mention* event : events) {
      if (sentence.contains(event->range.begin) && event->range.begin > draft.event->range.begin &&
          event->value() == "agreement") {
        draft.event = event;
        break;
      }
    }
  }
  if (draft.event != nullptr) {
    if (auto type = event_type_of(*draft.event)) {
      claim.event_type = *type;
      draft.has_event = true;
      // «قصف ... نفّذته طائرات حربية», "shelled by drones": a bombardment
      // that aircraft or drones carried out is an air strike.
      const Mention* aircraft =
          *type == EventType::kShelling ? aircraft_of(view, *draft.event) : nullptr;
      if (aircraft != nullptr) {
        claim.event_type = EventType::kAirStrike;
        add_provenance(claim, "event_type", analysis, {draft.event->range, aircraft->range});
      } else {
        add_provenance(claim, "event_type", analysis, {draft.event->range});
      }
    }
  }
  // A word that marks background only where it opens a paragraph («Ранее …»:
  // "earlier, …") says nothing elsewhere in the paragraph.
  for (const Mention* word : view.all("background")) {
    if (!word->entry->has_attribute("opening")) {
      draft.background = true;
      draft.habitual = draft.habitual || word->entry->has_attribute("habitual");
      continue;
    }
    // "Earlier the same day, …" tells of the day told before: no recall.
    bool dated_after = false;
    const auto text_end = static_cast<std::uint32_t>(analysis.normalized.text.size());
    for (const DateMention& date : analysis.dates_in({word->word.end, text_end})) {
      const std::uint32_t words = analysis.words_between(word->word.end, date.begin);
      if (words <= 1) {
        dated_after = true;
      }
      if (words <= 1 || words > 2) {
        break;  // three words away, every later date is two or more away
      }
    }
    const Range* paragraph = analysis.paragraph_at(word->word.begin);
    if (paragraph != nullptr && analysis.words_between(paragraph->begin, word->word.begin) == 0 &&
        !dated_after) {
      draft.background = true;
    }
  }

  // A frame that tells no event and holds no word of a casualty or of materiel
  // cannot become a claim (Extractor::extract keeps no draft without an event
  // or a figure), and one with no date of its own lends nothing to the claims
  // after it (a dated one lends its place to a sequel): its dates, negation
  // and words of background are all the extractor reads of it. Most frames of
  // a text are such.
  read_frame_dates(view, draft);
  if (!draft.has_event && !frame.headline && draft.own_date == nullptr &&
      view.all("casualty").empty() && view.all("casualty_none").empty() &&
      view.all("asset").empty()) {
    return draft;
  }

  // Perpetrator as claimed (perpetrator_of). A clash is mutual: no
  // perpetrator is read from it, but the side said to have provoked it.
  std::string perpetrator_party;
  std::string post_party;                      // whose post or positions were hit
  const Mention* perpetrator_words = nullptr;  // the actor chosen as perpetrator, if one was
  bool target_of_claimant = false;             // the target is the claimant's own state
  // The actor as the claim's perpetrator, with its words.
  const auto name_perpetrator = [&](const Mention& actor) {
    claim.perpetrator = actor_ref(actors, actor.value());
    perpetrator_party = party_of_mention(actors, actor);
    add_provenance(claim, "perpetrator", analysis, {actor.range});
  };
  // No perpetrator after all (and no target, when `target_too`); returns the
  // party it had.
  const auto drop_perpetrator = [&](bool target_too) {
    claim.perpetrator.reset();
    std::string dropped = std::exchange(perpetrator_party, std::string());
    if (target_too) {
      claim.target.reset();
    }
    std::erase_if(claim.provenance, [&](const FieldProvenance& entry) {
      return entry.field == "perpetrator" || (target_too && entry.field == "target");
    });
    return dropped;
  };
  if (draft.event != nullptr && claim.event_type == EventType::kArmedClash) {
    for (const Mention* clash : view.all("event")) {
      const Mention* instigator =
          clash->value() == draft.event->value() ? instigator_of(view, *clash) : nullptr;
      if (instigator != nullptr) {
        name_perpetrator(*instigator);
        break;
      }
    }
  }
  // The claimant's own state as the target, when it is a party other than the
  // perpetrator's and names itself in the account (not a third party's
  // monitor reporting).
  // The words of the claim's speaker as the provenance of a field they decide.
  const auto add_speaker_provenance = [&](const std::string& field) {
    if (!frame.attributions.empty()) {
      const Attribution& first = frame.attributions.front();
      add_provenance(claim, field, analysis,
                     {first.actor != nullptr ? first.actor->range : first.trigger->range});
    }
  };
  const auto claimant_as_target = [&] {
    if (claimant_party.empty() || claimant_party == perpetrator_party ||
        !is_party(actors, claimant_party) || draft_is_third_party(view, claimant_party)) {
      return;
    }
    claim.target = actor_ref(actors, claimant_party);
    target_of_claimant = true;
    add_speaker_provenance("target");
  };
  // "a soldier was killed by Azerbaijani troops": with no word for the act,
  // the actor an agent word puts right after a word of a casualty did it.
  if (draft.event == nullptr) {
    if (const Mention* agent = agent_of_a_casualty(view, actor_ranges); agent != nullptr) {
      perpetrator_words = agent;
      name_perpetrator(*agent);
      actor_ranges.push_back(agent->range);
      claimant_as_target();
    }
  }
  if (draft.event != nullptr &&
      (group_of(claim.event_type) == EventGroup::kViolence ||
       claim.event_type == EventType::kDetention) &&
      claim.event_type != EventType::kArmedClash) {
    // "Indian army in an unprovoked ceasefire violation had targeted civil
    // population with mortars": the one who committed the violation the act
    // details.
    auto [chosen, target] = perpetrator_of(view, *draft.event, actor_ranges);
    // Also from an earlier sentence of the account ("Ukraine's forces violated
    // the ceasefire 12 times … / Areas of Horlivka came under fire").
    if (chosen == nullptr && violation_word != nullptr &&
        (violation_word->range.begin <= draft.event->range.begin ||
         view.sentence_of(violation_word->range.begin).range.contains(draft.event->range.begin))) {
      const Perpetrator of_violation = perpetrator_of(view, *violation_word, actor_ranges);
      chosen = of_violation.actor;
      target = target != nullptr ? target : of_violation.target;
    }
    if (chosen == nullptr && !draft.event->entry->has_attribute("response")) {
      const Perpetrator again = perpetrator_by_another_word(view, *draft.event, actor_ranges);
      chosen = again.actor;
      target = target != nullptr ? target : again.target;
    }
    post_party = whose_post_was_hit(view, *draft.event);
    if (chosen == nullptr && draft.event->entry->has_attribute("response") &&
        is_party(actors, claimant_party)) {
      // "we responded": the answer to fire is the speaker's side's own act,
      // given to whom a target word names ("a befitting response was given to X").
      claim.perpetrator = actor_ref(actors, claimant_party);
      perpetrator_party = claimant_party;
      add_provenance(claim, "perpetrator", analysis, {draft.event->range});
      if (target != nullptr && party_of_mention(actors, *target) != claimant_party) {
        claim.target = actor_ref(actors, party_of_mention(actors, *target));
        add_provenance(claim, "target", analysis, {target->range});
      }
    }
    // "противник продолжает обстреливать", "the enemy's advance": the side
    // the claimant fights, the state the document names most after its own.
    if (chosen == nullptr && perpetrator_party.empty() && is_party(actors, claimant_party)) {
      if (const Mention* enemy = enemy_before(view, *draft.event); enemy != nullptr) {
        if (std::string opponent = opponent_of(view.context, claimant_party); !opponent.empty()) {
          claim.perpetrator = actor_ref(actors, opponent);
          perpetrator_party = std::move(opponent);
          add_provenance(claim, "perpetrator", analysis, {enemy->range});
        }
      }
    }
    // "اتهم الجيش الباكستاني الهند بقتل سبعة من جنوده": the accused did it.
    if (chosen == nullptr && perpetrator_party.empty()) {
      if (const Mention* accused = accused_of(view, *draft.event); accused != nullptr) {
        name_perpetrator(*accused);
      }
    }
    // «Минобороны Азербайджана сообщило об уничтожении … объекта ВС Армении»:
    // what the other side owned, destroyed by no one named, the speaking party
    // destroyed.
    // Only where the event word is itself what befell the thing (a fire at a
    // post may be anyone's), and the owner is the side the speaker fights (not
    // a mediator's report).
    if (chosen == nullptr && perpetrator_party.empty() && target != nullptr &&
        is_party(actors, claimant_party) && tells_an_outcome(view, *draft.event) &&
        owns_what_was_hit(view, *target)) {
      if (const std::string owner = party_of_mention(actors, *target);
          is_party(actors, owner) && owner != claimant_party &&
          owner == opponent_of(view.context, claimant_party)) {
        claim.perpetrator = actor_ref(actors, claimant_party);
        perpetrator_party = claimant_party;
        add_speaker_provenance("perpetrator");
        claim.target = actor_ref(actors, owner);
        add_provenance(claim, "target", analysis, {target->range});
      }
    }
    if (chosen != nullptr) {
      perpetrator_words = chosen;
      name_perpetrator(*chosen);
      actor_ranges.push_back(chosen->range);
      // The target: named after a target word, else the claimant's own state
      // when the claimant is a party other than the perpetrator's and names
      // itself in the account (not a third party's monitor reporting).
      if (target != nullptr && party_of_mention(actors, *target) != perpetrator_party) {
        claim.target = actor_ref(actors, party_of_mention(actors, *target));
        add_provenance(claim, "target", analysis, {target->range});
      } else {
        claimant_as_target();
      }
    }
  }

  // Sides set against each other: "الجانبين الأرميني والأذري", "the two sides".
  for (const Mention* side_word : view.all("side_word")) {
    const Range clause = view.clause_of(side_word->range.begin);
    for (const Mention* actor : analysis.in(clause, "actor")) {
      if (actor->range.begin > side_word->range.end &&
          analysis.words_between(side_word->range.end, actor->range.begin) <= 2) {
        const std::string party = party_of_mention(actors, *actor);
        if (std::find(draft.sides.begin(), draft.sides.end(), party) == draft.sides.end()) {
          draft.sides.push_back(party);
        }
      }
    }
  }
  std::vector<std::string> parties = draft.sides;
  for (const std::string& party : {claimant_party, perpetrator_party}) {
    if (!party.empty() && std::find(parties.begin(), parties.end(), party) == parties.end()) {
      parties.push_back(party);
    }
  }

  // Place.
  const Range event_sentence = draft.event != nullptr
                                   ? view.sentence_of(draft.event->range.begin).range
                                   : Range{0, std::numeric_limits<std::uint32_t>::max()};
  // Talks take place where their own sentence says: the places of the
  // speaker's other sentences are what the talks are about ("contacts on the
  // situation at the border").
  const std::optional<Range> only_in =
      claim.event_type == EventType::kDiplomaticContact && draft.event != nullptr
          ? std::optional<Range>(event_sentence)
          : std::nullopt;
  std::optional<Located> place = read_place(view, parties, actor_ranges, event_sentence, only_in);
  if (!place || place->rank >= kCoarseRank || place->listed) {
    auto unknown = unknown_places(view);
    if (only_in) {
      std::erase_if(unknown, [&](const Located& located) { return !told_in(located, *only_in); });
    }
    // Where fire came from gives no point to the place it hit.
    if (!unknown.empty() && (!place || place->listed || place->rank >= kOriginRankPenalty)) {
      place = std::move(unknown.front());
    } else if (!unknown.empty()) {
      // "the village of X in Kashmir": the village the gazetteer does not
      // know is where it happened; the region it lies in gives the point, at
      // the region's precision.
      Located& named = unknown.front();
      place->place.name = std::move(named.place.name);
      place->ranges.insert(place->ranges.begin(), named.ranges.begin(), named.ranges.end());
    }
  } else if (place && !place->listed && !place->ranges.empty()) {
    // "rocket attacks on Naour Jourin village and al-Suqailabiya town": a
    // village whose point no one knows, listed with the place read, is hit
    // too; the pair as written is the place, near the known one's point. Only
    // a list word pairs them: most sentences have none, and nothing to look for.
    const Range sentence = view.sentence_of(place->ranges.front().begin).range;
    if (!analysis.in(sentence, "list_link").empty()) {
      std::vector<std::vector<Range>> pointless;
      for (const Located& named : unknown_places(view)) {
        pointless.push_back(named.ranges);
      }
      for (const Mention* mention : analysis.in(sentence, "place")) {
        const GazetteerPlace* found = context.places.find(mention->value());
        if (found != nullptr && !found->point && found != place->known) {
          pointless.push_back({mention->range});
        }
      }
      for (const std::vector<Range>& named : pointless) {
        if (const std::optional<Range> pair = listed_together(view, named, place->ranges)) {
          place->place.name = analysis.original_text(*pair);
          place->place.precision = std::max(place->place.precision, LocationPrecision::kNear);
          place->ranges.insert(place->ranges.end(), named.begin(), named.end());
          break;
        }
      }
    }
  }
  if (place) {
    if (place->place.country.empty() && !claimant_party.empty() &&
        place->place.precision == LocationPrecision::kNear && !place->place.geometry) {
      place->place.country = country_of(actors, claimant_party);
    }
    claim.place = place->place;
    for (Range range : place->ranges) {
      add_provenance(claim, "place", analysis, {range});
    }
  }
  std::string country = claim.place && !claim.place->country.empty()
                            ? claim.place->country
                            : country_of(actors, claimant_party);
  claim.time.timezone = timezone_of(context.places, country);

  // Casualties.
  const std::string civilians_party = civilians_state(view, claim.place, claimant_party);
  std::vector<Figure> figures = read_casualties(view, claimant_party, civilians_party, post_party,
                                                draft.has_event, draft.retold);
  // Another word of the claim's act naming its perpetrator, not of `party`.
  const auto perpetrator_by_another_word_not_of = [&](const std::string& party) {
    if (draft.event == nullptr) {
      return;
    }
    const Perpetrator again = perpetrator_by_another_word(view, *draft.event, actor_ranges, party);
    if (again.actor != nullptr) {
      name_perpetrator(*again.actor);
    }
  };
  // «погибли двое военнослужащих Азербайджана», "two soldiers of Azerbaijan
  // were killed": the actor whose persons are counted did not strike them.
  // Another word of the act may name who did it ("заявило о пленении шестерых
  // армянских военных", then "военнослужащие ВС Азербайджана … пленили").
  if (perpetrator_words != nullptr && owns_the_counted(view, *perpetrator_words, figures)) {
    const std::string victims_party = drop_perpetrator(target_of_claimant);
    // «مقتل ثلاثة عناصر من قوات النظام بهجوم لهيئة تحرير الشام»: the next actor
    // of the same word, of another party, first.
    const Perpetrator next = draft.event != nullptr
                                 ? perpetrator_of(view, *draft.event, actor_ranges, victims_party)
                                 : Perpetrator{};
    if (next.actor != nullptr) {
      name_perpetrator(*next.actor);
    } else {
      perpetrator_by_another_word_not_of(victims_party);
    }
  }
  // "Two soldiers were killed when Freedonian troops shelled …": fighters of no
  // stated side that one party struck are of the party it fights: the state
  // the text names most besides it, else the state of the ground they were
  // hit on when that is another.
  const auto struck_party = [&]() -> std::string {
    if (std::string opponent = opponent_of(view.context, perpetrator_party); !opponent.empty()) {
      return opponent;
    }
    std::string ground = claim.place && !claim.place->country.empty()
                             ? actors.state_of_country(claim.place->country)
                             : std::string();
    return ground != perpetrator_party ? ground : std::string();
  };
  if (is_party(actors, perpetrator_party) &&
      std::any_of(figures.begin(), figures.end(), [](const Figure& figure) {
        return figure.fighters && figure.figure.side.kind == SideKind::kUnknown;
      })) {
    if (const std::string struck = struck_party(); !struck.empty()) {
      for (Figure& figure : figures) {
        if (figure.fighters && figure.figure.side.kind == SideKind::kUnknown) {
          figure.figure.side = *side_for_party(actors, struck);
        }
      }
    }
  }
  const bool settlement_hit =
      place && draft.event != nullptr && hit_a_settlement(view, *draft.event, *place);
  // «о четырех пострадавших при обстреле города»: the hurt of no stated side,
  // whom no word names, where a town or village was struck are its civilians
  // ("people" is a word that leaves them of no stated side: read_casualties),
  // unless the account counts fighters ("a soldier was killed and two were
  // wounded").
  if (settlement_hit && std::none_of(figures.begin(), figures.end(),
                                     [](const Figure& figure) { return figure.fighters; })) {
    for (Figure& figure : figures) {
      if (figure.unnamed && figure.figure.side.kind == SideKind::kUnknown) {
        figure.figure.side = Side{SideKind::kCivilians, std::nullopt};
        if (!civilians_party.empty()) {
          figure.figure.side.party = actor_ref(actors, civilians_party);
        }
      }
    }
  }
  read_no_casualties(view, claimant_party, perpetrator_party, civilians_party, draft,
                     settlement_hit, figures);
  read_deaths_of_the_wounded(view, figures);
  // «أعلنت وزارة الدفاع الأذربيجانية أسر جنديين أرمينيين», «сообщило о пленении
  // двух армянских военнослужащих»: persons of the side the speaking party
  // fights, captured by no one named, the speaking party captured.
  if (claim.event_type == EventType::kDetention && perpetrator_party.empty() &&
      is_party(actors, claimant_party)) {
    const std::string opponent = opponent_of(view.context, claimant_party);
    const auto of_the_opponent = [&](const Figure& figure) {
      return figure.figure.status == CasualtyStatus::kCaptured &&
             figure.figure.side.kind == SideKind::kCombatants && figure.figure.side.party &&
             figure.figure.side.party->id == opponent;
    };
    if (!opponent.empty() && !figures.empty() &&
        std::all_of(figures.begin(), figures.end(), of_the_opponent)) {
      claim.perpetrator = actor_ref(actors, claimant_party);
      perpetrator_party = claimant_party;
      add_speaker_provenance("perpetrator");
      claim.target = actor_ref(actors, opponent);
    }
  }
  // Prisoners in an account of an exchange ("handed over 15 prisoners", "the
  // return of the other prisoners") are those handed over or still held, not
  // people captured in this event: a figure of them would count as captures.
  if (claim.event_type == EventType::kExchange) {
    std::erase_if(figures, [](const Figure& figure) {
      return figure.figure.status == CasualtyStatus::kCaptured;
    });
  }
  // The same toll told twice in one account (a summary sentence, a quote
  // repeating the lead) is one figure with the words of both.
  std::vector<Figure> distinct;
  for (Figure& figure : figures) {
    auto same = std::find_if(distinct.begin(), distinct.end(),
                             [&](const Figure& kept) { return kept.figure == figure.figure; });
    if (same == distinct.end()) {
      distinct.push_back(std::move(figure));
    } else {
      same->ranges.insert(same->ranges.end(), figure.ranges.begin(), figure.ranges.end());
    }
  }
  figures = std::move(distinct);
  // "A civilian suffered injuries … injuries to a 45-year-old man": persons
  // told without a count are those a figure of the account counts.
  std::vector<std::pair<Side, CasualtyStatus>> counted;
  for (const Figure& figure : figures) {
    if (figure.counted) {
      counted.emplace_back(figure.figure.side, figure.figure.status);
    }
  }
  std::erase_if(figures, [&](const Figure& figure) {
    return !figure.counted &&
           std::find(counted.begin(), counted.end(),
                     std::pair{figure.figure.side, figure.figure.status}) != counted.end();
  });
  for (Figure& figure : figures) {
    claim.casualties.push_back(figure.figure);
    const std::string field = "casualties/" + std::to_string(claim.casualties.size() - 1);
    for (Range range : figure.ranges) {
      add_provenance(claim, field, analysis, {range});
    }
  }

  // "a provocation … that wounded an Azerbaijani soldier": a violation that
  // killed or wounded someone is an attack, told in no more detail. Counted
  // violations ("11 violations") are a tally, not the act that hurt them.
  if (claim.event_type == EventType::kCeasefireViolation && draft.event != nullptr &&
      !detail::counted(analysis, *draft.event) &&
      std::any_of(claim.casualties.begin(), claim.casualties.end(), [](const CasualtyFigure& f) {
        return (f.status == CasualtyStatus::kKilled || f.status == CasualtyStatus::kWounded) &&
               (f.count.min > 0 || !f.count.max || *f.count.max > 0);
      })) {
    claim.event_type = EventType::kAttack;
  }

  // "12 Armenian servicemen were captured": the persons captured are not who
  // captured them.
  if (claim.event_type == EventType::kDetention && claim.perpetrator &&
      std::any_of(claim.casualties.begin(), claim.casualties.end(), [&](const CasualtyFigure& f) {
        return f.status == CasualtyStatus::kCaptured && f.side.party &&
               actors.party_of(f.side.party->id) == perpetrator_party;
      })) {
    const std::string captured_party = drop_perpetrator(true);
    // "заявило о пленении шестерых армянских военных", then "военнослужащие
    // ВС Азербайджана … пленили шестерых": another word of the capture may
    // name who made it.
    perpetrator_by_another_word_not_of(captured_party);
  }

  // Materiel and territory.
  for (Asset& asset : read_assets(view, claimant_party, perpetrator_party)) {
    claim.assets.push_back(asset.change);
    const std::string field = "assets/" + std::to_string(claim.assets.size() - 1);
    for (Range range : asset.ranges) {
      add_provenance(claim, field, analysis, {range});
    }
  }
  draft.has_figures = !claim.casualties.empty() || !claim.assets.empty();
  // «…авиация РФ не наносила удары в районе …, где погибли военные Турции»:
  // with no event of its own, figures told only after a denied act are the
  // denial's. Not after a denied answer to fire ("did not return fire after
  // two civilians were wounded"), nor figures told before the denial.
  if (draft.negated && !draft.has_event && !figures.empty()) {
    const Mention* first_denied = nullptr;
    bool answer_denied = false;
    for (const Mention* event : view.all("event")) {
      if (inside_a_name(analysis, *event) || !negated_before(view, *event, "negation", 2)) {
        continue;
      }
      answer_denied = answer_denied || event->entry->has_attribute("response");
      if (first_denied == nullptr) {
        first_denied = event;
      }
    }
    draft.tells_a_denial =
        first_denied != nullptr && !answer_denied &&
        std::all_of(figures.begin(), figures.end(), [&](const Figure& figure) {
          return !figure.ranges.empty() && figure.ranges.front().begin >= first_denied->range.end;
        });
  }
  // "died in the clashes and … lost control of two military positions":
  // clashes in which ground changed hands are told in more detail as its
  // seizure. An attack stays one (the founding article's offensive that
  // overran ground and took two positions is an attack by its perpetrator).
  const auto ground_changed_hands = [](const AssetChange& asset) {
    return (asset.kind == AssetKind::kPosition || asset.kind == AssetKind::kTerritory ||
            asset.kind == AssetKind::kSettlement) &&
           (asset.outcome == AssetOutcome::kLost || asset.outcome == AssetOutcome::kCaptured ||
            asset.outcome == AssetOutcome::kOverrun);
  };
  if (claim.event_type == EventType::kArmedClash &&
      std::any_of(claim.assets.begin(), claim.assets.end(), ground_changed_hands)) {
    claim.event_type = EventType::kTerritorySeizure;
  }
  // «أعلنت سلطات باكو … السيطرة عليه», "the army took control of the heights":
  // ground taken that no one is named for is the claimant's own gain (a loss
  // is told as one: "lost control of two positions").
  if (claim.event_type == EventType::kTerritorySeizure && !claim.perpetrator &&
      is_party(actors, claimant_party) &&
      std::none_of(claim.assets.begin(), claim.assets.end(),
                   [](const AssetChange& asset) { return asset.outcome == AssetOutcome::kLost; })) {
    claim.perpetrator = actor_ref(actors, claimant_party);
    add_speaker_provenance("perpetrator");
  }

  // Weapons, and counts of violations or explosions.
  for (const Mention* weapon : view.all("weapon")) {
    const auto weapon_class = parse_weapon_class(weapon->value());
    if (!weapon_class) {
      continue;
    }
    Weapon entry{*weapon_class, calibre_before(analysis, *weapon)};
    if (std::find(claim.weapons.begin(), claim.weapons.end(), entry) != claim.weapons.end()) {
      continue;
    }
    claim.weapons.push_back(entry);
    add_provenance(claim, "weapons/" + std::to_string(claim.weapons.size() - 1), analysis,
                   {weapon->range});
  }
  const bool told_as_attack = claim.event_type == EventType::kAttack;
  const bool told_as_shelling = claim.event_type == EventType::kShelling;
  if ((told_as_attack || told_as_shelling) && draft.event != nullptr) {
    // In the clause of the act, or after it in its sentence up to the next
    // act ("opened fire on the area, firing 12 mortar bombs").
    const Range clause = view.clause_of(draft.event->range.begin);
    const Range sentence = view.sentence_of(draft.event->range.begin).range;
    const Mention* next_act = analysis.first_in({draft.event->range.end, sentence.end}, "event");
    const Range reach{clause.begin, next_act != nullptr ? next_act->range.begin : sentence.end};
    const MentionList named = analysis.in(reach, "weapon");
    // «подвергли обстрелу из стрелкового оружия», "shelled the post with
    // small arms": fire told with a word of shelling whose only weapons named
    // there are small arms is small-arms fire, an attack.
    const MentionList in_clause = analysis.in(clause, "weapon");
    if (told_as_shelling && !in_clause.empty() &&
        std::all_of(in_clause.begin(), in_clause.end(), [](const Mention* weapon) {
          return parse_weapon_class(weapon->value()) == WeaponClass::kSmallArms;
        })) {
      claim.event_type = EventType::kAttack;
    }
    // «открыли огонь по Горловке из минометов», "opened fire on the posts,
    // using artillery": fire of a mortar, a gun or a rocket launcher named in
    // the clause of the act is shelling.
    if (told_as_attack && std::any_of(named.begin(), named.end(), [](const Mention* weapon) {
          const auto weapon_class = parse_weapon_class(weapon->value());
          return weapon_class == WeaponClass::kMortar || weapon_class == WeaponClass::kArtillery ||
                 weapon_class == WeaponClass::kRocketArtillery;
        })) {
      claim.event_type = EventType::kShelling;
    }
    // "Russian warplanes pounded Kafr Nabl": aircraft or drones that carry out
    // the attack (named before its word in its clause, not a drone shot down
    // after it) make it an air strike.
    const MentionList before = analysis.in({clause.begin, draft.event->range.begin}, "weapon");
    if (told_as_attack && std::any_of(before.begin(), before.end(), [](const Mention* weapon) {
          const auto weapon_class = parse_weapon_class(weapon->value());
          return weapon_class == WeaponClass::kAircraft || weapon_class == WeaponClass::kDrone;
        })) {
      claim.event_type = EventType::kAirStrike;
    }
  }
  for (const Mention* noun : view.all("count_noun")) {
    for (const NumberMention* number : numbers_right_before(analysis, noun->word.begin)) {
      const Range figure{number->begin, noun->range.end};
      if (noun->value() == "violations" && !claim.violations) {
        claim.violations = number->count;
        add_provenance(claim, "violations", analysis, {figure});
      } else if (noun->value() == "explosions" && !claim.explosions) {
        claim.explosions = number->count;
        add_provenance(claim, "explosions", analysis, {figure});
      }
    }
  }

  // Other actors: persons taking part, and mediators.
  auto add_actor = [&](const std::string& id, ActorRole role, Range range) {
    for (const ClaimActor& existing : claim.actors) {
      if (existing.actor.id == id && existing.role == role) {
        const auto index = static_cast<std::size_t>(&existing - claim.actors.data());
        add_provenance(claim, "actors/" + std::to_string(index), analysis, {range});
        return;
      }
    }
    claim.actors.push_back({actor_ref(actors, id), role});
    add_provenance(claim, "actors/" + std::to_string(claim.actors.size() - 1), analysis, {range});
  };
  // The mediator follows the mediation word ("وساطة روسيا", "mediation of
  // Russia", "при посредничестве России") or, failing that, stands right before it.
  for (const Mention* mediation : view.all("mediation")) {
    const Range clause = view.clause_of(mediation->range.begin);
    const Mention* mediator = nullptr;
    for (const Mention* actor : analysis.in(clause, "actor")) {
      if (actor->range.begin >= mediation->range.end &&
          analysis.words_between(mediation->word.end, actor->word.begin) <= 2) {
        mediator = actor;
        break;
      }
    }
    if (mediator == nullptr) {
      for (const Mention* actor : analysis.in(clause, "actor")) {
        if (actor->range.end <= mediation->range.begin &&
            analysis.words_between(actor->word.end, mediation->word.begin) <= 3) {
          mediator = actor;  // the nearest before wins
        }
      }
    }
    if (mediator != nullptr) {
      add_actor(party_of_mention(actors, *mediator), ActorRole::kMediator, mediator->range);
    }
  }
  const bool talks = draft.has_event && (group_of(claim.event_type) == EventGroup::kDeEscalation ||
                                         group_of(claim.event_type) == EventGroup::kDiplomacy);
  for (const Mention* mention : view.all("actor")) {
    const Actor* actor = actors.find(mention->value());
    if (actor == nullptr || actor->kind != "person" || actor->id == frame.claimant) {
      continue;
    }
    add_actor(actor->id, ActorRole::kParticipant, mention->range);
    const std::string party = actors.party_of(actor->id);
    if (talks && draft.sides.size() >= 2 && !party.empty() &&
        std::find(draft.sides.begin(), draft.sides.end(), party) == draft.sides.end()) {
      add_actor(party, ActorRole::kMediator, mention->range);
    }
  }

  // Words as written stand in names; a run of text with no gap in it may be
  // longer than a name can be.
  if (claim.place) {
    claim.place->name = fit_name(std::move(claim.place->name));
  }
  for (Weapon& weapon : claim.weapons) {
    weapon.calibre = fit_name(std::move(weapon.calibre));
  }
  for (AssetChange& asset : claim.assets) {
    asset.description = fit_name(std::move(asset.description));
  }
  return draft;
}

}  // namespace truce::extract::detail
