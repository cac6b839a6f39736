package com.superkabe.protection.domain;

import java.util.Optional;

/** The next domain state and the transition that led to it, or a refusal of an operator request. */
public record DomainDecision(DomainState state, Optional<Transition> transition, String rejection) {

    public static DomainDecision unchanged(DomainState s) {
        return new DomainDecision(s, Optional.empty(), null);
    }
}
