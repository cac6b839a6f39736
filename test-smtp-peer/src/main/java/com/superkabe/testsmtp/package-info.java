/**
 * A scriptable SMTP peer for tests and the local stack. Unlike servers that accept everything, it
 * answers each step of the conversation as a test scripts it — per recipient and per attempt — so a
 * test can play greylisting (451 then 250), a busy server (421), a refused recipient or sender
 * (550 5.1.1, 550 5.7.1), a refused login (535) or a connection lost after DATA, and then assert on
 * the recorded sessions: connections, logins, commands and the messages with their headers.
 */
package com.superkabe.testsmtp;
