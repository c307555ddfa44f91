package io.mpqc.conformance.cases;

import io.mpqc.conformance.catalog.Level;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a conformance case: a method of a {@link CaseGroup} taking a {@link CaseContext} and returning an
 * {@link Outcome}. The first requirement decides the verdict's weight (MUST -> FAIL, SHOULD -> WARN).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Case {
    /** Catalog IDs the case checks, the main one first. */
    String[] requirements();

    /** What is sent and what must happen, in one or two sentences. */
    String text();

    String[] tags() default {};

    /** Dialects in which the rule exists; the case runs only for these. */
    String[] dialects() default {"draft-21", "draft-18"};

    Level level() default Level.ENDPOINT;
}
