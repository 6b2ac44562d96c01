/**
 * Asterisk 22 simulator: the stand-in for a real gateway in tests and in the demo profile.
 *
 * <p>Entry point {@link cn.heatdesk.callcenter.sim.AsteriskSimulator}: {@code new AsteriskSimulator(new SimConfig())},
 * {@code start()} returns the AMI port. Callers: {@code incomingCall(number, name, did)} → {@link
 * cn.heatdesk.callcenter.sim.CallHandle} (press, hangup, await…); agents' phones: {@code phone(ext)} → {@link
 * cn.heatdesk.callcenter.sim.PhoneHandle} (answer, reject, hangup, hold, autoAnswer…); click-to-dial targets:
 * {@code remoteParty(number)} (also the outside party of a transfer to a number); failures: {@code restart()},
 * {@code dropConnections()}, {@code goOffline()}/{@code goOnline()}; cleanup: {@code hangupAll()}; load:
 * {@code eventStorm(n)}; waiting without sleeps: {@code awaitEvent}, {@code await}. Call control over AMI (Redirect,
 * Bridge, BlindTransfer, Atxfer, CancelAtxfer, PlayDTMF Receive) is modelled in {@code CtiFlows}. See
 * docs/asterisk-simulator.md.
 */
package cn.heatdesk.callcenter.sim;
