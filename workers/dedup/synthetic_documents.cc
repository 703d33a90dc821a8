#include "workers/dedup/synthetic_documents.h"

#include "absl/strings/str_cat.h"
#include "text/utf8.h"

namespace gleaner {
namespace workers {
namespace dedup {
namespace {

class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

void AppendSyllable(uint32_t syllable, std::string* out) {
  text::AppendUtf8(0xAC00 + syllable, out);  // Hangul syllables block
}

}  // namespace

std::string SyntheticDocument(uint64_t index, int sentences) {
  SplitMix rng(index * 0x2545F4914F6CDD1DULL + 1);
  std::string out;
  out.reserve(static_cast<size_t>(sentences) * 128);
  for (int s = 0; s < sentences; ++s) {
    const int words = 8 + static_cast<int>(rng.Below(8));
    for (int w = 0; w < words; ++w) {
      if (w > 0) out.push_back(' ');
      if (rng.Below(10) == 0) {
        absl::StrAppend(&out, rng.Below(100000), "억원");
        continue;
      }
      // Skew syllables towards a common few hundred, as real text is.
      const int len = 2 + static_cast<int>(rng.Below(3));
      for (int k = 0; k < len; ++k) {
        const uint64_t r = rng.Next();
        AppendSyllable(static_cast<uint32_t>((r & 1) ? (r >> 8) % 400 : (r >> 8) % 11172),
                       &out);
      }
    }
    out.append(".\n");
  }
  return out;
}

std::string SyntheticStreamDocument(uint64_t index) {
  return SyntheticDocument(index % 3 == 2 ? index / 2 : index, 6);
}

std::string SyntheticDocumentId(uint64_t index) { return absl::StrCat("doc-", index); }

}  // namespace dedup
}  // namespace workers
}  // namespace gleaner
