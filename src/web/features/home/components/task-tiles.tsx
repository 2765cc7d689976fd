import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './task-tiles.css';

/** A daily job on the home page, resolved by the shell from the features' `tasks` (name translated, icon drawn). */
export type HomeTask = { to: string; name: string; icon: ReactNode; testId: string };

type Props = {
  tasks: HomeTask[];
  /** `tiles`: big buttons, two a row on a phone (her home at a village); `row`: one row of smaller ones. */
  variant: 'tiles' | 'row';
};

/** How many buttons show before 更多: three rows of tiles on a phone, one row of buttons above a village. */
const SHOWN: Record<Props['variant'], number> = { tiles: 6, row: 5 };

/**
 * Her daily jobs as buttons: one tap to the form. Nothing when she may do none of them. With more jobs
 * than fit (every ledger adds its own), the first ones by the features' order show and 更多 opens the rest
 * in place, so the first screen keeps her to-dos in view.
 */
export const TaskTiles = ({ tasks, variant }: Props) => {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  if (tasks.length === 0) return null;
  const limit = SHOWN[variant];
  const isFolded = tasks.length > limit;
  const shown = isFolded && !isOpen ? tasks.slice(0, limit - 1) : tasks;
  return (
    <nav
      className={variant === 'tiles' ? 'bbt-tasks is-tiles' : 'bbt-tasks is-row'}
      aria-label={t('home.tasks')}
      data-testid="home-tasks"
    >
      {shown.map((task) => (
        <Link key={task.to} to={task.to} className="bbt-task" data-testid={task.testId}>
          <span className="bbt-task-icon" aria-hidden>
            {task.icon}
          </span>
          <span className="bbt-task-name">{task.name}</span>
        </Link>
      ))}
      {isFolded && (
        <button
          type="button"
          className="bbt-task is-more"
          aria-expanded={isOpen}
          onClick={() => setOpen(!isOpen)}
          data-testid="home-tasks-more"
        >
          <span className="bbt-task-icon" aria-hidden>
            {isOpen ? <UpOutlined /> : <DownOutlined />}
          </span>
          <span className="bbt-task-name">
            {isOpen ? t('home.tasks.less') : t('home.tasks.more', { count: tasks.length - shown.length })}
          </span>
        </button>
      )}
    </nav>
  );
};
