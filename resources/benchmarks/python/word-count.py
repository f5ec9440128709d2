"""word-count: split a text of N words into words and count each distinct word in a
dict. The words are separated by single spaces and newlines, so both programs split the
same way with the same two built-ins: newlines replaced by spaces, then a split on the
literal " " (str.split() without an argument would use a different whitespace scan).
The text is generated once, untimed, from a Park-Miller LCG: a 20,000-word vocabulary
of lowercase pseudo-words, drawn with a skew so that a few words are frequent and most
are rare, 12 words to a line.

Size = N (words); result = "<words>:<distinct words>:<highest count>:<count of the word 'the'>".
"""
from _lcg import Lcg
from _protocol import run

VOCABULARY_SIZE = 20000
LETTERS = "etaoinshrdlucmfwypvbgkjqxz"



def generate_text(words):
    rng = Lcg(7)
    vocabulary = ["the"]
    while len(vocabulary) < VOCABULARY_SIZE:
        length = 2 + rng.next() % 9
        vocabulary.append("".join(LETTERS[min(rng.next() % 32, 25)] for _ in range(length)))
    parts = []
    for i in range(words):
        rank = rng.next() % VOCABULARY_SIZE
        parts.append(vocabulary[rng.next() % (rank + 1)])  # skewed towards the first words
        if i < words - 1:
            parts.append("\n" if i % 12 == 11 else " ")
    return "".join(parts)


def word_count(text):
    counts = {}
    for word in text.replace("\n", " ").split(" "):
        if word == "":
            continue
        counts[word] = counts.get(word, 0) + 1
    total = 0
    highest = 0
    for count in counts.values():
        total += count
        if count > highest:
            highest = count
    return f"{total}:{len(counts)}:{highest}:{counts.get('the', 0)}"


if __name__ == "__main__":
    run("word-count", word_count, default_size=100000, setup=generate_text, min_size=0)
