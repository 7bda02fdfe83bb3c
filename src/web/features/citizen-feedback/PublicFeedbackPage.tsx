import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import './messages.js';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, NativeSelect, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { citizenFeedbackKeys, MAX_CONTENT, usePublicForm, type PublicFeedbackBody, type PublicFeedbackForm, type PublicFeedbackReceipt } from './api.js';
import { foldOptionsFilter } from '../../lib/search.js';

const FIELDS = ['name', 'phone', 'email', 'villageUnitId', 'topic', 'content', 'consentContact', 'formToken'] as const;
type Field = (typeof FIELDS)[number];
const noErrors: FormErrors<Field> = { fields: {}, general: null };

/** "Gửi ý kiến": a citizen's message to the commune, no account; answers with a tracking code. */
export default function PublicFeedbackPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('localissues.public.send')} · ${t('app.titleSuffix')}`);
  const form = usePublicForm();
  const [receipt, setReceipt] = useState<PublicFeedbackReceipt | null>(null);
  const queryClient = useQueryClient();

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        onAnother={() => {
          setReceipt(null);
          // A fresh form token for the next message.
          void queryClient.invalidateQueries({ queryKey: citizenFeedbackKeys.form });
        }}
      />
    );
  }
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="h2">
          {t('localissues.form.title')}
        </Title>
        <Text mt={4}>{t('localissues.form.intro')}</Text>
      </div>
      {form.isPending ? (
        <Stack gap="sm">
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={120} />
        </Stack>
      ) : form.isError ? (
        <ErrorState error={form.error} onRetry={() => void form.refetch()} />
      ) : (
        <FeedbackForm form={form.data} onSent={setReceipt} />
      )}
    </Stack>
  );
}

function FeedbackForm({ form, onSent }: { form: PublicFeedbackForm; onSent: (r: PublicFeedbackReceipt) => void }) {
  const { t } = useTranslation();
  const max = form.maxContent || MAX_CONTENT;
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [village, setVillage] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [content, setContent] = useState('');
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);

  const send = useMutation({
    mutationFn: (body: PublicFeedbackBody) => api<PublicFeedbackReceipt>('/public/feedback', { method: 'POST', body }),
    meta: { allow401: true },
    onSuccess: onSent,
    onError: (error) => {
      setErrors(formErrorsFrom(error, FIELDS, t('localissues.form.failed')));
      window.scrollTo(0, 0);
    },
  });

  // Villages grouped by commune, for a searchable pick.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const v of form.villages) {
    const list = groups.get(v.communeName) ?? [];
    list.push({ value: v.unitId, label: v.name });
    groups.set(v.communeName, list);
  }
  const villageData = [...groups.entries()].map(([group, items]) => ({ group, items }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (name.trim().length < 2) fields.name = t('localissues.form.nameRequired');
    if (!phone.trim() && !email.trim()) fields.phone = t('localissues.form.contactRequired');
    if (!village) fields.villageUnitId = t('localissues.form.villageRequired');
    if (!topic) fields.topic = t('localissues.form.topicRequired');
    if (content.trim().length < 10) fields.content = t('localissues.form.contentShort');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('localissues.form.failed') });
      return;
    }
    setErrors(noErrors);
    send.mutate({
      name: name.trim(),
      phone: phone.trim() || undefined,
      email: email.trim() || undefined,
      villageUnitId: village!,
      topic,
      content,
      consentContact: consent,
      formToken: form.formToken,
      website,
    });
  }

  const n = content.length;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit} noValidate data-testid="feedback-form">
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <TextInput
            label={t('localissues.form.name')}
            name="name"
            autoComplete="name"
            required
            size="md"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.fields.name}
            data-testid="feedback-name"
          />
          <Text size="sm" c="dimmed" id="ts-li-contact-hint">
            {t('localissues.form.contactHint')}
          </Text>
          <TextInput
            label={t('localissues.form.phone')}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            size="md"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.fields.phone}
            aria-describedby="ts-li-contact-hint"
            data-testid="feedback-phone"
          />
          <TextInput
            label={t('localissues.form.email')}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            size="md"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.fields.email}
            aria-describedby="ts-li-contact-hint"
            data-testid="feedback-email"
          />
          <Select
            label={t('localissues.form.village')}
            placeholder={t('localissues.form.villagePlaceholder')}
            name="villageUnitId"
            required
            size="md"
            searchable
            clearable
            nothingFoundMessage={t('localissues.form.noVillage')}
            filter={foldOptionsFilter}
            data={villageData}
            value={village}
            onChange={setVillage}
            error={errors.fields.villageUnitId}
            comboboxProps={{ withinPortal: true }}
            data-testid="feedback-village"
          />
          <NativeSelect
            label={t('localissues.form.topic')}
            name="topic"
            required
            size="md"
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            data={[{ value: '', label: t('localissues.form.topicPlaceholder') }, ...form.topics.map((tp) => ({ value: tp.code, label: tp.name }))]}
            error={errors.fields.topic}
            data-testid="feedback-topic"
          />
          <div>
            <Textarea
              label={t('localissues.form.content')}
              description={t('localissues.form.contentHint')}
              name="content"
              required
              size="md"
              autosize
              minRows={5}
              maxRows={14}
              maxLength={max}
              value={content}
              onChange={(e) => setContent(e.currentTarget.value)}
              error={errors.fields.content}
              aria-describedby="ts-li-counter"
              data-testid="feedback-content"
            />
            <div className="ts-li-counter" id="ts-li-counter" data-over={n >= max || undefined} aria-live="polite" data-testid="feedback-counter">
              <span aria-hidden="true">{t('localissues.form.counter', { n, max })}</span>
              <span className="ts-sr-only">{t('localissues.form.counterLabel', { n, max })}</span>
            </div>
          </div>
          <Checkbox
            label={t('localissues.form.consent')}
            name="consentContact"
            size="md"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            error={errors.fields.consentContact}
            data-testid="feedback-consent"
          />
          {/* Honeypot: hidden from people (off-screen, out of the tab order, unread), filled by robots. */}
          <div className="ts-li-hp" aria-hidden="true">
            <label htmlFor="ts-li-website">{t('localissues.form.honeypot')}</label>
            <input id="ts-li-website" type="text" name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.currentTarget.value)} />
          </div>
          <Button type="submit" size="md" fullWidth loading={send.isPending} data-testid="feedback-submit">
            {t('localissues.form.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Receipt({ receipt, onAnother }: { receipt: PublicFeedbackReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.trackingCode);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      /* no clipboard: the code stays on screen to write down */
    }
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} data-testid="feedback-receipt">
      <Stack gap="md">
        <Notice tone="success" title={t('localissues.form.sentTitle')}>
          {t('localissues.form.sentBody')}
        </Notice>
        {receipt.merged && <Notice tone="info">{t('localissues.form.merged')}</Notice>}
        <div>
          <Text fw={600} id="ts-li-code-label" mb={6}>
            {t('localissues.form.codeLabel')}
          </Text>
          <div className="ts-li-code" aria-labelledby="ts-li-code-label" data-testid="tracking-code">
            {receipt.trackingCode}
          </div>
        </div>
        <Stack gap="sm">
          <Button variant="outline" size="md" onClick={() => void copy()} data-testid="tracking-code-copy">
            {copied ? t('localissues.form.copied') : t('localissues.form.copy')}
          </Button>
          <Button component={Link} to={`/y-kien/tra-cuu/${receipt.trackingCode}`} size="md" data-testid="tracking-link">
            {t('localissues.form.trackLink')}
          </Button>
        </Stack>
        <span className="ts-sr-only" role="status">
          {copied ? t('localissues.form.copied') : ''}
        </span>
        <Anchor component="button" type="button" onClick={onAnother} size="sm">
          {t('localissues.form.another')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
