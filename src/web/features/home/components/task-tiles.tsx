import type { ReactNode } from 'react';
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

/** Her daily jobs as buttons: one tap to the form. Nothing when she may do none of them. */
export const TaskTiles = ({ tasks, variant }: Props) => {
  const { t } = useTranslation();
  if (tasks.length === 0) return null;
  return (
    <nav
      className={variant === 'tiles' ? 'bbt-tasks is-tiles' : 'bbt-tasks is-row'}
      aria-label={t('home.tasks')}
      data-testid="home-tasks"
    >
      {tasks.map((task) => (
        <Link key={task.to} to={task.to} className="bbt-task" data-testid={task.testId}>
          <span className="bbt-task-icon" aria-hidden>
            {task.icon}
          </span>
          <span className="bbt-task-name">{task.name}</span>
        </Link>
      ))}
    </nav>
  );
};
