/**
 * Voice messages (语音留言, docs/voicemail.md): {@link cn.heatdesk.callcenter.voicemail.VoicemailRecorder} notes each
 * message the IVR's Record() leaves, {@link cn.heatdesk.callcenter.voicemail.VoicemailTicketJob} turns it into a work
 * order in the service desk's pool (the row is the outbox), the console lists, plays and retries them.
 */
package cn.heatdesk.callcenter.voicemail;
