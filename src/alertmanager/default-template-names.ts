/**
 * The templates Alertmanager 0.25 defines itself, in its template/default.tmpl (read from the
 * prometheus-alertmanager 0.25.0 package's /usr/share/prometheus/alertmanager/default.tmpl, the
 * file the pinned image loads). Our templates may call these without defining them.
 */
export const defaultTemplateNames: ReadonlySet<string> = new Set([
  '__alertmanager', '__alertmanagerURL', '__subject', '__description', '__text_alert_list',
  'slack.default.title', 'slack.default.username', 'slack.default.fallback', 'slack.default.callbackid',
  'slack.default.pretext', 'slack.default.titlelink', 'slack.default.iconemoji', 'slack.default.iconurl',
  'slack.default.text', 'slack.default.footer',
  'pagerduty.default.description', 'pagerduty.default.client', 'pagerduty.default.clientURL', 'pagerduty.default.instances',
  'opsgenie.default.message', 'opsgenie.default.description', 'opsgenie.default.source',
  'wechat.default.message', 'wechat.default.to_user', 'wechat.default.to_party', 'wechat.default.to_tag', 'wechat.default.agent_id',
  'victorops.default.state_message', 'victorops.default.entity_display_name', 'victorops.default.monitoring_tool',
  'pushover.default.title', 'pushover.default.message', 'pushover.default.url',
  'sns.default.subject', 'sns.default.message', 'telegram.default.message',
  'discord.default.title', 'discord.default.message', 'webex.default.message',
]);
