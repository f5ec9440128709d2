"""The Park-Miller generator the benchmarks use for their input data, shared so every program that
draws from it draws the same sequence (the Node programs use the same constants)."""


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = self.state * 48271 % 2147483647
        return self.state

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]
