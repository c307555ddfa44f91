package io.mpqc.ref.sim;

import java.util.SplittableRandom;

/**
 * Random packet loss on a link: none, independent (Bernoulli) or bursty (Gilbert-Elliott: a good state
 * without loss and a bad state that loses with probability {@code lossInBad}). A model is a description;
 * {@link #start} gives the stateful process one link uses, drawing from the link's own random source.
 */
public sealed interface LossModel {

    /** The per-link process. */
    interface Process {
        boolean drop();
    }

    Process start(SplittableRandom random);

    static LossModel none() {
        return None.INSTANCE;
    }

    static LossModel random(double probability) {
        return new Random(probability);
    }

    static LossModel burst(double goodToBad, double badToGood, double lossInBad) {
        return new Burst(goodToBad, badToGood, lossInBad);
    }

    /** Mean loss rate, for descriptions. */
    double meanLoss();

    record None() implements LossModel {
        static final None INSTANCE = new None();

        @Override
        public Process start(SplittableRandom random) {
            return () -> false;
        }

        @Override
        public double meanLoss() {
            return 0;
        }
    }

    record Random(double probability) implements LossModel {
        public Random {
            if (probability < 0 || probability > 1) {
                throw new IllegalArgumentException("probability out of range: " + probability);
            }
        }

        @Override
        public Process start(SplittableRandom random) {
            return () -> random.nextDouble() < probability;
        }

        @Override
        public double meanLoss() {
            return probability;
        }
    }

    record Burst(double goodToBad, double badToGood, double lossInBad) implements LossModel {
        public Burst {
            if (goodToBad <= 0 || goodToBad > 1 || badToGood <= 0 || badToGood > 1 || lossInBad < 0 || lossInBad > 1) {
                throw new IllegalArgumentException("Gilbert-Elliott probabilities out of range");
            }
        }

        @Override
        public Process start(SplittableRandom random) {
            return new Process() {
                private boolean bad;

                @Override
                public boolean drop() {
                    bad = bad ? random.nextDouble() >= badToGood : random.nextDouble() < goodToBad;
                    return bad && random.nextDouble() < lossInBad;
                }
            };
        }

        @Override
        public double meanLoss() {
            return goodToBad / (goodToBad + badToGood) * lossInBad;
        }
    }
}
