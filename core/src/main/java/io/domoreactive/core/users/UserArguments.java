package io.domoreactive.core.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Checks the users client's arguments before any request is sent. */
final class UserArguments {

    private UserArguments() {
    }

    static void requireId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be a positive Domo id, was " + id);
        }
    }

    static int requirePageSize(int pageSize) {
        if (pageSize < 1 || pageSize > Users.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + Users.MAX_PAGE_SIZE + ", was " + pageSize);
        }
        return pageSize;
    }

    /** @return the ids without duplicates, in their first-seen order */
    static List<Long> requireIds(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        LinkedHashSet<Long> unique = new LinkedHashSet<>();
        for (Long id : ids) {
            Objects.requireNonNull(id, "ids must not contain null");
            requireId(id);
            unique.add(id);
        }
        return new ArrayList<>(unique);
    }

    static String requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return text;
    }

    static String requireEmail(String email) {
        requireText(email, "email");
        if (email.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("email must not contain white space (search one address at a time)");
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw new IllegalArgumentException("email must look like name@domain");
        }
        return email;
    }
}
