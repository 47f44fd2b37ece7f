package org.trainkit.schedules;

/** A choice written as a bare word in the text form, e.g. {@code shape=sqrt}. */
public interface SpecWord {

    /** The word in the text form. */
    String specName();
}
