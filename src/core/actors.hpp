// References to actors (states, armed forces, ministries, groups). Until an
// actor registry exists, a reference is a slug id plus a readable name.
#pragma once

#include <string>

namespace truce {

struct ActorRef {
  std::string id;    // slug, see is_valid_slug
  std::string name;  // readable, any language
  friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

}  // namespace truce
