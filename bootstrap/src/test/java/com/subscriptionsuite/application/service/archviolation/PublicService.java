package com.subscriptionsuite.application.service.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Test fixture only: a public service that uses Jackson, to prove the rules fail. */
public final class PublicService {
    Object mapper() {
        return new ObjectMapper();
    }
}
