import { useEffect, useMemo, useState } from 'preact/hooks';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { filterMembers, sortMembers } from '../../components/roster-filter';
import { t } from '../../utils/i18n/index';
import type { Member } from '../../utils/model';

// A handful of matches is enough to pick from; typing more narrows the list.
const MATCHES_SHOWN = 8;

interface PickerProps {
  /** The roster, read when the picker opens. */
  loadMembers: () => Promise<Member[]>;
  disabled: boolean;
  onPick: (member: Member) => void;
}

/** A searchable list of teammates to add the page's account to. */
export function AddToTeamPicker({ loadMembers, disabled, onPick }: PickerProps) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let alive = true;
    void loadMembers().then((loaded) => {
      if (alive) setMembers(sortMembers(loaded));
    });
    return () => {
      alive = false;
    };
  }, [loadMembers]);

  const matches = useMemo(
    () => (members ? filterMembers(members, query).slice(0, MATCHES_SHOWN) : []),
    [members, query],
  );

  if (members?.length === 0) return <p class="muted">{t('popup_pick_none')}</p>;
  return (
    <div class="add-to-member">
      <Field id="add-to-member-search" label={t('popup_pick_label')}>
        {(control) => (
          <input
            {...control}
            {...PLAIN_TEXT}
            type="search"
            data-testid="add-to-member-search"
            placeholder={t('popup_pick_placeholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        )}
      </Field>
      <ul class="pick-list" aria-label={t('popup_pick_list')}>
        {matches.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              class="link-button"
              data-testid="add-to-member"
              data-member={member.name}
              disabled={disabled}
              onClick={() => onPick(member)}
            >
              {member.name}
              {member.team ? ` · ${member.team}` : ''}
            </button>
          </li>
        ))}
        {members && matches.length === 0 && <li class="muted">{t('popup_pick_noMatch')}</li>}
      </ul>
    </div>
  );
}
