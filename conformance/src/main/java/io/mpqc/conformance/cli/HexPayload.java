package io.mpqc.conformance.cli;

/** One packet payload given on the command line: the bytes and the text they came from. */
record HexPayload(String text, byte[] bytes) {
}
