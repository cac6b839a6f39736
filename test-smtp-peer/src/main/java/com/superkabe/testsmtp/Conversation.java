package com.superkabe.testsmtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One connection's SMTP conversation, answering as scripted and recording what the client did. */
final class Conversation {

    private final Socket socket;
    private final SessionRecord record;
    private final Script script;
    private final Map<String, String> users;
    private BufferedReader in;
    private OutputStream out;
    private boolean authenticated;
    private String mailFrom;
    private final List<String> recipients = new ArrayList<>();

    Conversation(Socket socket, SessionRecord record, Script script, Map<String, String> users) {
        this.socket = socket;
        this.record = record;
        this.script = script;
        this.users = users;
    }

    void run() {
        try (socket) {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            if (!answer(script.next(Step.GREETING), "220 smtp-peer ESMTP ready")) {
                return;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!command(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or the peer was closed: the record keeps what happened
        }
    }

    /** Handles one command line; false when the connection is to be closed. */
    private boolean command(String line) throws IOException {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        record.command(verb.equals("AUTH") ? line.split(" ").length > 1 ? "AUTH " + line.split(" ")[1] : "AUTH"
                : line);
        String arg = line.length() > verb.length() ? line.substring(verb.length()).strip() : "";
        return switch (verb) {
            case "EHLO" -> send("250-smtp-peer\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 52428800");
            case "HELO" -> send("250 smtp-peer");
            case "AUTH" -> auth(arg);
            case "MAIL" -> mail(arg);
            case "RCPT" -> rcpt(arg);
            case "DATA" -> data();
            case "RSET" -> {
                reset();
                yield send("250 2.0.0 Ok");
            }
            case "NOOP" -> send("250 2.0.0 Ok");
            case "QUIT" -> {
                send("221 2.0.0 Bye");
                yield false;
            }
            default -> send("502 5.5.2 Command not recognized");
        };
    }

    private boolean auth(String arg) throws IOException {
        String[] parts = arg.split(" ");
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String user;
        String password;
        if (mechanism.equals("PLAIN")) {
            String response = parts.length > 1 ? parts[1] : challenge("");
            String[] fields = decode(response).split("\0", -1);
            user = fields.length > 1 ? fields[1] : "";
            password = fields.length > 2 ? fields[2] : "";
        } else if (mechanism.equals("LOGIN")) {
            user = decode(parts.length > 1 ? parts[1] : challenge("VXNlcm5hbWU6"));
            password = decode(challenge("UGFzc3dvcmQ6"));
        } else {
            return send("504 5.5.4 Unrecognized authentication type");
        }
        Answer scripted = script.next(Step.AUTH);
        boolean valid = users.isEmpty() || password.equals(users.get(user));
        String fallback = valid ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid";
        String reply = scripted == null || scripted.reply() == null ? fallback : scripted.reply();
        if (scripted != null && scripted.drop()) {
            return false;
        }
        if (reply.startsWith("2")) {
            authenticated = true;
            record.login(user);
        }
        return answer(Answer.reply(reply), fallback);
    }

    private String challenge(String prompt) throws IOException {
        send("334 " + prompt);
        String line = in.readLine();
        if (line == null) {
            throw new IOException("client left during AUTH");
        }
        return line.strip();
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private boolean mail(String arg) throws IOException {
        if (!users.isEmpty() && !authenticated) {
            return send("530 5.7.0 Authentication required");
        }
        Answer a = script.next(Step.MAIL);
        if (a == null || (a.reply() == null && !a.drop()) || a.reply() != null && a.reply().startsWith("2")) {
            reset();
            mailFrom = address(arg);
        }
        return answer(a, "250 2.1.0 Ok");
    }

    private boolean rcpt(String arg) throws IOException {
        if (mailFrom == null) {
            return send("503 5.5.1 Need MAIL before RCPT");
        }
        String to = address(arg);
        Answer a = script.next(Step.RCPT, List.of(to));
        if (a == null || (a.reply() == null && !a.drop()) || a.reply() != null && a.reply().startsWith("2")) {
            recipients.add(to);
        }
        return answer(a, "250 2.1.5 Ok");
    }

    private boolean data() throws IOException {
        if (recipients.isEmpty()) {
            return send("554 5.5.1 No valid recipients");
        }
        send("354 End data with <CR><LF>.<CR><LF>");
        StringBuilder text = new StringBuilder();
        for (String line = in.readLine(); ; line = in.readLine()) {
            if (line == null) {
                return false;
            }
            if (line.equals(".")) {
                break;
            }
            text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        Answer a = script.next(Step.DATA, recipients);
        boolean accepted = a == null || (a.reply() == null && !a.drop()) || a.reply() != null && a.reply().startsWith("2");
        String data = text.toString();
        record.message(new ReceivedMessage(mailFrom, recipients, data, headers(data), accepted));
        reset();
        return answer(a, "250 2.0.0 Ok: queued");
    }

    /** Replies as scripted (or with the default); false when the connection is to be closed. */
    private boolean answer(Answer scripted, String fallback) throws IOException {
        if (scripted != null && scripted.drop()) {
            return false;
        }
        String reply = scripted == null || scripted.reply() == null ? fallback : scripted.reply();
        send(reply);
        return scripted == null || !scripted.closesAfterReply();
    }

    private boolean send(String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return true;
    }

    private void reset() {
        mailFrom = null;
        recipients.clear();
    }

    private static String address(String arg) {
        int open = arg.indexOf('<');
        int close = arg.indexOf('>', open + 1);
        return open >= 0 && close > open ? arg.substring(open + 1, close) : arg.replaceFirst("(?i)^(FROM|TO):", "").strip();
    }

    /** The header block, unfolded, by lower-case field name. */
    static Map<String, List<String>> headers(String data) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : data.split("\r\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            put(headers, name, value);
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            value = new StringBuilder(colon > 0 ? line.substring(colon + 1).strip() : "");
        }
        put(headers, name, value);
        return headers;
    }

    private static void put(Map<String, List<String>> headers, String name, StringBuilder value) {
        if (name != null) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString());
        }
    }
}
