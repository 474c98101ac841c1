package io.domoreactive.examples.cli;

import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the credentials to use, first match wins: {@code --token-file PATH} (its first line,
 * trimmed), {@code DOMO_ACCESS_TOKEN}, then {@code DOMO_USERNAME} + {@code DOMO_PASSWORD}. A secret
 * is wrapped in a {@link Secret} as soon as it is read and never appears in a message.
 */
final class CredentialSource {

    static final String ACCESS_TOKEN = "DOMO_ACCESS_TOKEN";
    static final String USERNAME = "DOMO_USERNAME";
    static final String PASSWORD = "DOMO_PASSWORD";

    private final Map<String, String> env;

    /**
     * @param env the environment to read (the process environment in production)
     */
    CredentialSource(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param tokenFile the {@code --token-file} value, or {@code null}
     * @return the credentials
     * @throws CliInputException when none are configured or the token file cannot be used
     */
    DomoCredentials resolve(Path tokenFile) {
        if (tokenFile != null) {
            return DomoCredentials.developerToken(readTokenFile(tokenFile));
        }
        String token = value(ACCESS_TOKEN);
        if (token != null) {
            return DomoCredentials.developerToken(Secret.of(token.trim()));
        }
        String username = value(USERNAME);
        String password = value(PASSWORD);
        if (username != null && password != null) {
            return DomoCredentials.password(username.trim(), password);
        }
        if (username != null || password != null) {
            throw new CliInputException((username == null ? USERNAME : PASSWORD) + " is not set: a password login needs both "
                    + USERNAME + " and " + PASSWORD + " (or use " + ACCESS_TOKEN + " or --token-file PATH instead)");
        }
        throw new CliInputException("no credentials: set " + ACCESS_TOKEN + ", pass --token-file PATH (a file whose first"
                + " line is the access token), or set " + USERNAME + " and " + PASSWORD);
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static Secret readTokenFile(Path file) {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it does not exist");
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied");
        } catch (IOException e) {
            throw unreadable(file, Files.isDirectory(file) ? "it is a directory" : "it could not be read as UTF-8 text");
        }
        if (line == null || line.isBlank()) {
            throw new CliInputException("--token-file " + file + " has no token on its first line: put the access token"
                    + " (Admin > Security > Access Tokens) alone on the first line");
        }
        return Secret.of(line.trim());
    }

    private static CliInputException unreadable(Path file, String why) {
        return new CliInputException("cannot read --token-file " + file + ": " + why
                + "; pass a readable file whose first line is the access token");
    }
}
